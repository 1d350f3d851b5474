/**
 * The one font stack of every page: the bundled Noto Sans first (fonts/noto-sans.css, declared at document level
 * because a shadow root cannot declare @font-face), then the same family if the PC has it, then common sans fonts
 * for text outside the bundled subsets (arrows, symbols) or a page embedded without the stylesheet.
 *
 * Importing this module brings the stylesheet into every page whose components name the stack, so no page can
 * name the family without serving it.
 */
import { unsafeCSS } from 'lit';
import './noto-sans.css';

/** The family the bundled @font-face rules declare. */
export const BUNDLED_FONT_FAMILY = 'Noto Sans Variable';

export const FONT_STACK = `'${BUNDLED_FONT_FAMILY}', 'Noto Sans', 'Segoe UI', Roboto, 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif`;

/** The stack for Lit `css` templates: `font-family: var(--qm-font, ${fontStack});`. */
export const fontStack = unsafeCSS(FONT_STACK);
