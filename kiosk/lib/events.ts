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
  /** Navigation inside the kiosk: 'home', 'back', 'search', 'priority'. */
  'qm-navigate': { to: 'home' | 'back' | 'search' | 'priority' };
  /** A ticket the server confirmed is on screen (for a host page's analytics). */
  'qm-ticket-issued': { ticketId: string; number: string };
}

declare global {
  interface HTMLElementEventMap {
    'qm-ticket-requested': CustomEvent<KioskEvents['qm-ticket-requested']>;
    'qm-priority-selected': CustomEvent<KioskEvents['qm-priority-selected']>;
    'qm-procedure-selected': CustomEvent<KioskEvents['qm-procedure-selected']>;
    'qm-checklist-print-requested': CustomEvent<KioskEvents['qm-checklist-print-requested']>;
    'qm-language-changed': CustomEvent<KioskEvents['qm-language-changed']>;
    'qm-key-pressed': CustomEvent<KioskEvents['qm-key-pressed']>;
    'qm-navigate': CustomEvent<KioskEvents['qm-navigate']>;
    'qm-ticket-issued': CustomEvent<KioskEvents['qm-ticket-issued']>;
  }
}

export function emit<K extends keyof KioskEvents>(from: HTMLElement, name: K, detail: KioskEvents[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
