/**
 * The console's own checks of a new password, before asking the server. They
 * mirror the server's rule (at least 8 characters) so the usual mistakes are
 * explained in words instead of a validation error.
 */
import type { MessageKey } from './i18n.vi';

/** Same minimum as `ChangePasswordBody.newPassword` on the server. */
export const MIN_PASSWORD_LENGTH = 8;

/** The catalog key of the first problem with the form, or null when it may be sent. */
export function newPasswordProblem(current: string, next: string, confirm: string): MessageKey | null {
  if (!current) return 'password.needCurrent';
  // Counted in characters, not UTF-16 units, like the server's JSON Schema check.
  if ([...next].length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (next !== confirm) return 'password.mismatch';
  // The server accepts it, but keeping the one-time password would defeat its purpose.
  if (next === current) return 'password.same';
  return null;
}
