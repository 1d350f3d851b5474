/**
 * `<qm-province-accounts>`: the province accounts, for admins (GET/POST /api/hub/accounts): add a director or an
 * admin with a temporary password shown once (to be changed at the first sign-in), reset a password the same way,
 * deactivate and reactivate. The signed-in account's own row has no such buttons (the hub refuses them anyway).
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { theme } from '../../console/components/theme';
import { api, ApiError } from '../lib/api';
import { copyFromInput } from '../lib/copy';
import { t } from '../lib/i18n';
import { adminStyles } from './admin.styles';

interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'director';
  active: boolean;
  mustChangePassword: boolean;
  createdAt: number;
}

const USERNAME_RE = /^[A-Za-z0-9._-]{3,32}$/;

export class QmProvinceAccounts extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .secret-row {
        margin-bottom: 0.9rem;
      }
      .secret-row input {
        font-size: 1.8rem;
        letter-spacing: 0.08em;
        width: 11em;
      }
      .secret-row button {
        min-height: 50px;
      }
      tr.inactive td {
        color: #5f6368;
        background: #f6f6f6;
      }
    `,
  ];

  @property() accountId = '';
  /** The page's language: a change re-renders the words. */
  @property() language = 'vi';
  @state() private accounts: AccountRow[] | null = null;
  @state() private secret: { username: string; password: string } | null = null;
  @state() private copyNote = '';
  @state() private formError = '';
  @state() private message = '';
  @state() private actionError = '';
  @state() private busy = false;
  @query('input[data-testid=temporary-password]') private secretInput!: HTMLInputElement | null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.accounts = await api<AccountRow[]>('/api/hub/accounts');
    } catch (err) {
      this.actionError = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    return html`
      ${this.message ? html`<p class="toast" role="status">${this.message}</p>` : nothing}
      ${this.actionError ? html`<p class="toast error" role="alert">${this.actionError}</p>` : nothing}
      ${this.secret ? this.secretBox(this.secret) : nothing}
      <div class="layout">
        <form class="card add" @submit=${this.add} aria-labelledby="acc-add-title" novalidate>
          <h2 id="acc-add-title">${t('accounts.add.title')}</h2>
          <label
            >${t('accounts.username')}
            <input name="username" maxlength="32" autocomplete="off" spellcheck="false" aria-describedby="username-hint" data-testid="acc-username" />
            <span class="hint" id="username-hint">${t('accounts.usernameHint')}</span>
          </label>
          <label>${t('accounts.displayName')} <input name="displayName" maxlength="100" autocomplete="off" data-testid="acc-name" /></label>
          <label
            >${t('accounts.role')}
            <select name="role" data-testid="acc-role">
              <option value="director">${t('accounts.role.director')}</option>
              <option value="admin">${t('accounts.role.admin')}</option>
            </select>
          </label>
          ${this.formError ? html`<p class="error" role="alert" data-testid="acc-error">${this.formError}</p>` : nothing}
          <button class="primary" ?disabled=${this.busy}>${t('accounts.add.submit')}</button>
        </form>
        <section class="card table" aria-labelledby="accounts-title">
          <h2 id="accounts-title">${t('accounts.title')}</h2>
          <p class="muted">${t('accounts.caption')}</p>
          <table aria-labelledby="accounts-title" data-testid="accounts">
            <thead>
              <tr>
                <th scope="col">${t('accounts.col.username')}</th>
                <th scope="col">${t('accounts.col.name')}</th>
                <th scope="col">${t('accounts.col.role')}</th>
                <th scope="col">${t('accounts.col.state')}</th>
                <th scope="col" class="num">${t('accounts.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${repeat(this.accounts ?? [], (a) => a.id, (a) => this.row(a))}
            </tbody>
          </table>
        </section>
      </div>
    `;
  }

  private row(a: AccountRow) {
    const me = a.id === this.accountId;
    return html`<tr class=${a.active ? '' : 'inactive'} data-username=${a.username}>
      <td>${a.username}${me ? html`<span class="sub">${t('accounts.you')}</span>` : nothing}</td>
      <td>${a.displayName}</td>
      <td>${t(a.role === 'admin' ? 'accounts.role.admin' : 'accounts.role.director')}</td>
      <td>
        <span class="badge ${a.active ? 'ok' : 'off'}" data-testid="acc-state">${a.active ? t('accounts.active') : t('accounts.inactive')}</span>
        ${a.active && a.mustChangePassword ? html`<span class="sub">${t('accounts.mustChange')}</span>` : nothing}
      </td>
      <td class="actions">
        ${me
          ? nothing
          : a.active
            ? html`<button data-testid="acc-reset" aria-label=${t('accounts.reset.label', { username: a.username })} @click=${() => this.reset(a)}>${t('accounts.reset')}</button>
                <button class="danger" data-testid="acc-deactivate" aria-label=${t('accounts.deactivate.label', { username: a.username })} @click=${() => this.setActive(a, false)}>
                  ${t('accounts.deactivate')}
                </button>`
            : html`<button data-testid="acc-activate" aria-label=${t('accounts.activate.label', { username: a.username })} @click=${() => this.setActive(a, true)}>${t('accounts.activate')}</button>`}
      </td>
    </tr>`;
  }

  private secretBox(s: { username: string; password: string }) {
    return html`<section class="secret shown-once" aria-labelledby="secret-title" data-testid="password-box">
      <h2 id="secret-title">${t('accounts.password.title', { username: s.username })}</h2>
      <p class="once">${t('accounts.password.once')}</p>
      <div class="secret-row shown-row">
        <input readonly .value=${s.password} aria-label=${t('accounts.password.label')} data-testid="temporary-password" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button class="primary" @click=${this.copy}>${t('accounts.password.copy')}</button>
        <span role="status">${this.copyNote}</span>
      </div>
      <button @click=${() => ((this.secret = null), (this.copyNote = ''))} data-testid="close-password">${t('accounts.password.close')}</button>
    </section>`;
  }

  private async copy() {
    if (this.secretInput) this.copyNote = (await copyFromInput(this.secretInput)) === 'copied' ? t('admin.code.copied') : t('admin.code.selected');
  }

  private async add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const displayName = String(data.get('displayName') ?? '').trim();
    const role = String(data.get('role') ?? 'director');
    this.message = '';
    if (!USERNAME_RE.test(username)) {
      this.formError = t('accounts.usernameInvalid');
      form.querySelector<HTMLInputElement>('input[name=username]')?.focus();
      return;
    }
    if (!displayName) {
      this.formError = t('accounts.nameRequired');
      form.querySelector<HTMLInputElement>('input[name=displayName]')?.focus();
      return;
    }
    this.busy = true;
    this.formError = '';
    try {
      const a = await api<AccountRow & { temporaryPassword: string }>('/api/hub/accounts', { method: 'POST', body: { username, displayName, role } });
      this.secret = { username: a.username, password: a.temporaryPassword };
      this.copyNote = '';
      this.message = t('accounts.added', { username: a.username });
      form.reset();
      await this.load();
    } catch (err) {
      this.formError = err instanceof ApiError && err.code === 'VALIDATION_ERROR' ? t('accounts.invalid') : err instanceof ApiError ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }

  private async reset(a: AccountRow) {
    this.message = '';
    this.actionError = '';
    try {
      const r = await api<AccountRow & { temporaryPassword: string }>(`/api/hub/accounts/${encodeURIComponent(a.id)}/reset-password`, { method: 'POST', body: {} });
      this.secret = { username: r.username, password: r.temporaryPassword };
      this.copyNote = '';
      await this.load();
    } catch (err) {
      this.actionError = err instanceof ApiError ? err.message : String(err);
    }
  }

  private async setActive(a: AccountRow, active: boolean) {
    this.message = '';
    this.actionError = '';
    try {
      await api(`/api/hub/accounts/${encodeURIComponent(a.id)}/${active ? 'activate' : 'deactivate'}`, { method: 'POST', body: {} });
      this.message = t(active ? 'accounts.activated' : 'accounts.deactivated', { username: a.username });
      await this.load();
    } catch (err) {
      this.actionError = err instanceof ApiError ? err.message : String(err);
    }
  }
}
