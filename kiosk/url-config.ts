/**
 * Applies the kiosk page's URL parameters to <qm-kiosk data-url-config>. Imported by
 * main.ts before the tags are defined, so the element starts with its final settings
 * (its connectedCallback runs as soon as the tag is defined). Only that element is
 * touched, so an embedding page's own query string never leaks into a kiosk.
 *   ?kiosk=K1       kiosk id (selects this kiosk's printer on the server)
 *   ?lang=en        start language
 *   ?idle=60        seconds before an untouched screen returns home
 *   ?confirm=45     seconds the ticket confirmation stays
 *   ?hold=180       at most this many seconds "Giữ màn hình" keeps it (after the last touch)
 *   ?layout=elderly-first  this kiosk's home layout, whatever the center's setting
 *   ?pack=hcc-ba-dinh      the center's own voice pack (under /voice/) over the default one
 */
const kiosk = document.querySelector<HTMLElement>('qm-kiosk[data-url-config]');
if (kiosk) {
  const params = new URLSearchParams(location.search);
  const map: [string, string][] = [
    ['kiosk', 'kiosk-id'],
    ['lang', 'lang'],
    ['idle', 'idle-seconds'],
    ['confirm', 'confirm-seconds'],
    ['hold', 'hold-seconds'],
    ['layout', 'layout'],
    ['pack', 'voice-pack'],
  ];
  for (const [param, attr] of map) {
    const value = params.get(param);
    if (value && /^[A-Za-z0-9_.-]{1,64}$/.test(value)) kiosk.setAttribute(attr, value);
  }
  // A kiosk is touched, not right-clicked: no context menu. Pinch-zoom stays allowed, for low-vision citizens.
  document.addEventListener('contextmenu', (e) => e.preventDefault());
}

export {};
