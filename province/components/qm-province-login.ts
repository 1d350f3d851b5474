/**
 * `<qm-province-login>`: a province account's sign-in (POST /api/auth/login on the hub).
 *
 * @fires qm-logged-in - detail: the signed-in account
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formPage, theme } from '../../console/components/theme';
import { api, ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { accountFormStyles } from './account-form.styles';

export class QmProvinceLogin extends LitElement {
  static override styles = [theme, formPage, accountFormStyles];

  @property({ type: Boolean }) ended = false;
  @state() private error = '';
  @state() private busy = false;

  override render() {
    return html`<form class="card" @submit=${this.submit} aria-labelledby="login-title">
      <h2 id="login-title">${t('login.title')}</h2>
      <label>${t('login.username')}<input name="username" autocomplete="username" required autofocus /></label>
      <label>${t('login.password')}<input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.ended && !this.error ? html`<p class="error" role="status">${t('live.signedOut')}</p>` : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <button class="primary" ?disabled=${this.busy}>${this.busy ? t('login.busy') : t('login.submit')}</button>
    </form>`;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const account = await api<unknown>('/api/auth/login', { method: 'POST', body: { username: String(data.get('username')), password: String(data.get('password')) } });
      this.dispatchEvent(new CustomEvent('qm-logged-in', { detail: account, bubbles: true, composed: true }));
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }
}
