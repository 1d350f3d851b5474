/**
 * `<qm-login>`: username/password form; `ended` says why it is back (the session ended elsewhere).
 *
 * @fires qm-logged-in - detail: the signed-in account (`Me`)
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api, ApiError } from '../lib/api';
import { emit, type Me } from '../lib/events';
import { t } from '../lib/i18n';
import { formPage, theme } from './theme';

export class QmLogin extends LitElement {
  static override styles = [
    theme,
    formPage,
    css`
      form {
        width: min(380px, 92vw);
      }
      h1 {
        font-size: 1.5em;
        margin: 0.83em 0;
      }
      button {
        min-height: 48px;
      }
    `,
  ];

  @property({ type: Boolean }) ended = false;
  @state() private error = '';
  @state() private busy = false;

  override render() {
    return html`<form class="card" @submit=${this.submit} aria-labelledby="login-title">
      <h1 id="login-title">${t('login.title')}</h1>
      <label>${t('login.username')}<input name="username" autocomplete="username" required autofocus /></label>
      <label>${t('login.password')}<input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.ended && !this.error ? html`<p class="error" role="status" data-testid="session-ended">${t('login.ended')}</p>` : null}
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
      const me = await api<Me>('/api/auth/login', { method: 'POST', body: { username: String(data.get('username')), password: String(data.get('password')) } });
      emit(this, 'qm-logged-in', me);
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }
}
