/**
 * `<qm-password>`: change one's own password (`POST /api/auth/password`).
 * With `forced`, it explains that the account still uses a one-time password;
 * the shell keeps the user here until the change succeeds.
 *
 * @property me - the signed-in account (its username helps password managers)
 * @property forced - the account must change its one-time password first
 * @fires qm-password-changed - detail: the account as the server now sees it (`Me`)
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api, ApiError } from '../lib/api';
import { emit, type Me } from '../lib/events';
import { t } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n.vi';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../lib/password';
import { formPage, theme } from './theme';

/** The field to put the cursor back in for each problem the form itself finds. */
const FIELD_OF: Partial<Record<MessageKey, string>> = {
  'password.needCurrent': 'currentPassword',
  'password.tooShort': 'newPassword',
  'password.mismatch': 'confirmPassword',
  'password.same': 'newPassword',
};

export class QmPassword extends LitElement {
  static override styles = [
    theme,
    formPage,
    css`
      h1 {
        margin: 0;
        font-size: 1.5em;
      }
      .forced {
        margin: 0;
        padding: 0.7rem 0.9rem;
        border-radius: 8px;
        border-left: 5px solid var(--qm-amber);
        background: #fef3e0;
        color: #5c3300;
        line-height: 1.4;
      }
      .hint {
        margin: -0.4rem 0 0;
        font-size: 0.85rem;
      }
      p.error,
      p.toast {
        margin: 0;
      }
      button {
        min-height: 48px;
      }
    `,
  ];

  @property({ attribute: false }) me: Me | null = null;
  @property({ type: Boolean }) forced = false;
  @state() private error = '';
  @state() private done = false;
  @state() private busy = false;

  override render() {
    return html`<form class="card" @submit=${this.submit} aria-labelledby="password-title" novalidate>
      <h1 id="password-title">${t('password.title')}</h1>
      ${this.forced ? html`<p class="forced" data-testid="forced" role="status">${t('password.forced')}</p>` : null}
      <!-- Lets a password manager file the new password under the right account. -->
      <input name="username" autocomplete="username" value=${this.me?.username ?? ''} readonly hidden />
      <label>${t('password.current')}<input name="currentPassword" type="password" autocomplete="current-password" required autofocus /></label>
      <label>${t('password.new')}<input name="newPassword" type="password" autocomplete="new-password" required minlength=${MIN_PASSWORD_LENGTH} /></label>
      <p class="hint muted">${t('password.hint', { min: MIN_PASSWORD_LENGTH })}</p>
      <label>${t('password.confirm')}<input name="confirmPassword" type="password" autocomplete="new-password" required /></label>
      ${this.error ? html`<p class="error" role="alert" data-testid="password-error">${this.error}</p>` : null}
      ${this.done ? html`<p class="toast" role="status" data-testid="password-done">${t('password.done')}</p>` : null}
      <button class="primary" ?disabled=${this.busy}>${this.busy ? t('password.busy') : t('password.submit')}</button>
    </form>`;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const current = String(data.get('currentPassword') ?? '');
    const next = String(data.get('newPassword') ?? '');
    this.done = false;
    const problem = newPasswordProblem(current, next, String(data.get('confirmPassword') ?? ''));
    if (problem) {
      this.error = t(problem, { min: MIN_PASSWORD_LENGTH });
      form.querySelector<HTMLInputElement>(`input[name=${FIELD_OF[problem] ?? 'newPassword'}]`)?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const me = await api<Me>('/api/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
      form.reset();
      this.done = true;
      emit(this, 'qm-password-changed', me);
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
      if (err instanceof ApiError && err.code === 'WRONG_CURRENT_PASSWORD') form.querySelector<HTMLInputElement>('input[name=currentPassword]')?.select();
    } finally {
      this.busy = false;
    }
  }
}
