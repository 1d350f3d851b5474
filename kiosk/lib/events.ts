/**
 * The kiosk's DOM events, in one typed map: they bubble and are composed, so the
 * root element (or a page embedding it) hears them across shadow roots.
 */
import type { Lang } from './i18n';

export interface KioskEvents {
  /** A service tile was tapped (with the chosen priority category, if any). */
  'qm-ticket-requested': { serviceId: string; priorityId: string | null };
  'qm-priority-selected': { priorityId: string };
  'qm-procedure-selected': { procedureId: string };
  'qm-checklist-print-requested': { procedureId: string };
  'qm-language-changed': { lang: Lang };
  'qm-key-pressed': { key: string };
  /** A booking code typed on the check-in screen (six characters of the code's alphabet). */
  'qm-check-in-requested': { code: string };
  /** Navigation inside the kiosk: 'home', 'back', 'search', 'priority'. */
  'qm-navigate': { to: 'home' | 'back' | 'search' | 'priority' };
  /** "Giữ màn hình" on the ticket screen: keep it until "Xong" (within the kiosk's upper bound). */
  'qm-hold-screen': Record<string, never>;
  /** A ticket the server confirmed is on screen (for a host page's analytics). */
  'qm-ticket-issued': { ticketId: string; number: string };
}

/** Each event of the map as the DOM delivers it, so addEventListener types its detail. */
type DomEvents = { [K in keyof KioskEvents]: CustomEvent<KioskEvents[K]> };

declare global {
  interface HTMLElementEventMap extends DomEvents {}
}

export function emit<K extends keyof KioskEvents>(from: HTMLElement, name: K, detail: KioskEvents[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
