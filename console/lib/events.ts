/** DOM events of the console's components, in one typed map, and the helper that fires them. */
import type { StaffAccount } from '../../server/store/rows';

export type Me = Pick<StaffAccount, 'id' | 'username' | 'displayName' | 'role' | 'counterId' | 'mustChangePassword'>;

export interface ConsoleEvents {
  'qm-logged-in': Me;
  'qm-password-changed': Me;
  'qm-counter-picked': { counterId: string };
  'qm-dialog-submit': Record<string, string>;
  'qm-dialog-cancel': undefined;
  'qm-rated': { level: number };
  'qm-preview-close': undefined;
}

/** Each event of the map as the DOM delivers it, so addEventListener types its detail. */
type DomEvents = { [K in keyof ConsoleEvents]: CustomEvent<ConsoleEvents[K]> };

declare global {
  interface HTMLElementEventMap extends DomEvents {}
}

/** Bubbling, composed: crosses shadow roots up to the app shell. */
export function emit<K extends keyof ConsoleEvents>(from: EventTarget, type: K, detail: ConsoleEvents[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
