/**
 * `<qm-province-password>`: an account signed in with a temporary password chooses its own (POST
 * /api/auth/password) before anything else opens; the hub refuses every other call until then.
 *
 * @fires qm-password-changed - detail: the account, now without mustChangePassword
 */
import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import { formPage, theme } from '../../console/components/theme';
import { api, ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { accountFormStyles } from './account-form.styles';

export class QmProvincePassword extends LitElement {
  static override styles = [theme, formPage, accountFormStyles];

  @state() private error = '';
  @state() private busy = false;

  override render() {
    return html`<form class="card" @submit=${this.submit} aria-labelledby="password-title" novalidate>
      <h2 id="password-title">${t('password.title')}</h2>
      <p>${t('password.intro')}</p>
      <label>${t('password.current')}<input name="current" type="password" autocomplete="current-password" required /></label>
      <label>${t('password.new')}<input name="next" type="password" autocomplete="new-password" minlength="8" required /></label>
      <label>${t('password.confirm')}<input name="again" type="password" autocomplete="new-password" minlength="8" required /></label>
      ${this.error ? html`<p class="error" role="alert" data-testid="password-error">${this.error}</p>` : null}
      <button class="primary" ?disabled=${this.busy}>${t('password.submit')}</button>
    </form>`;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const currentPassword = String(data.get('current') ?? '');
    const newPassword = String(data.get('next') ?? '');
    if (newPassword.length < 8) return void (this.error = t('password.tooShort'));
    if (newPassword !== String(data.get('again') ?? '')) return void (this.error = t('password.mismatch'));
    this.busy = true;
    this.error = '';
    try {
      const account = await api<unknown>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      this.dispatchEvent(new CustomEvent('qm-password-changed', { detail: account, bubbles: true, composed: true }));
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }
}
