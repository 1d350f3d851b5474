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

declare global {
  interface HTMLElementEventMap {
    'qm-logged-in': CustomEvent<ConsoleEvents['qm-logged-in']>;
    'qm-password-changed': CustomEvent<ConsoleEvents['qm-password-changed']>;
    'qm-counter-picked': CustomEvent<ConsoleEvents['qm-counter-picked']>;
    'qm-dialog-submit': CustomEvent<ConsoleEvents['qm-dialog-submit']>;
    'qm-dialog-cancel': CustomEvent<undefined>;
    'qm-rated': CustomEvent<ConsoleEvents['qm-rated']>;
    'qm-preview-close': CustomEvent<undefined>;
  }
}

/** Bubbling, composed: crosses shadow roots up to the app shell. */
export function emit<K extends keyof ConsoleEvents>(from: EventTarget, type: K, detail: ConsoleEvents[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
