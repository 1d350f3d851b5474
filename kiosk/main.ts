/**
 * Entry of the full-screen kiosk page, and the bundle that /kiosk/embed.js imports
 * into other sites. Order matters: the URL settings land before the tags upgrade.
 */
import './url-config';
import './define';
