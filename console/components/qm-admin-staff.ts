/**
 * `<qm-admin-staff>`: accounts — create (one-time password shown once),
 * rename/change role, deactivate/reactivate, reset password.
 *
 * @property config - admin configuration (staff, counters)
 * @property me - the signed-in admin (cannot deactivate or demote itself)
 * @property reload - called after a change
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api, ApiError } from '../lib/api';
import type { Me } from '../lib/events';
import { t } from '../lib/i18n';
import type { AdminConfig, StaffRow } from './qm-admin';
import { adminFields, theme } from './theme';

const ROLES = ['staff', 'director', 'admin'] as const;

export class QmAdminStaff extends LitElement {
  static override styles = [
    theme,
    adminFields,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      .password {
        font-size: 1.1rem;
        margin-bottom: 1rem;
      }
      td {
        vertical-align: middle;
      }
      td select,
      td input {
        min-width: 10rem;
      }
    `,
  ];

  @property({ attribute: false }) config: AdminConfig | null = null;
  @property({ attribute: false }) me: Me | null = null;
  @property({ attribute: false }) reload: () => Promise<void> = async () => {};
  @state() private message: { text: string; error: boolean } | null = null;

  override render() {
    const c = this.config!;
    const counterOf = (s: StaffRow) => c.counters.find((x) => x.id === s.counterId)?.number ?? '';
    return html`<form class="card" @submit=${this.create}>
        <label>${t('field.username')}<input name="username" required pattern="[a-z0-9._\\-]{3,32}" autocomplete="off" /></label>
        <label>${t('field.displayName')}<input name="displayName" required /></label>
        <label
          >${t('field.role')}<select name="role">
            ${ROLES.map((r) => html`<option value=${r}>${t(`role.${r}`)}</option>`)}
          </select></label
        >
        <button class="primary">${t('staff.create')}</button>
      </form>
      <div role="status" aria-live="polite">${this.message ? html`<p class="toast password ${this.message.error ? 'error' : ''}" data-testid="staff-message">${this.message.text}</p>` : null}</div>
      <table class="card">
        <thead>
          <tr>
            <th>${t('field.username')}</th>
            <th>${t('field.displayName')}</th>
            <th>${t('field.role')}</th>
            <th class="num">${t('staff.counter')}</th>
            <th>${t('field.active')}</th>
            <td></td>
          </tr>
        </thead>
        <tbody>
          ${c.staff.map(
            (s) => html`<tr data-id=${s.id}>
              <td>${s.username} ${s.mustChangePassword ? html`<span class="badge warn">${t('staff.mustChange')}</span>` : null}</td>
              <td><input .value=${s.displayName} @change=${(e: Event) => this.saveStaff(s, { displayName: (e.target as HTMLInputElement).value })} aria-label=${t('field.displayName')} /></td>
              <td>
                <select @change=${(e: Event) => this.saveStaff(s, { role: (e.target as HTMLSelectElement).value as StaffRow['role'] })} aria-label=${t('field.role')} ?disabled=${s.id === this.me?.id}>
                  ${ROLES.map((r) => html`<option value=${r} ?selected=${r === s.role}>${t(`role.${r}`)}</option>`)}
                </select>
              </td>
              <td class="num">${counterOf(s)}</td>
              <td>${s.active ? html`<span class="badge ok">${t('admin.active')}</span>` : html`<span class="badge bad">${t('admin.inactive')}</span>`}</td>
              <td>
                <button @click=${() => this.reset(s)}>${t('staff.reset')}</button>
                ${s.id === this.me?.id
                  ? null
                  : html`<button class=${s.active ? 'danger' : ''} @click=${() => this.saveStaff(s, { active: !s.active })}>${s.active ? t('staff.deactivate') : t('staff.activate')}</button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    await this.run(async () => {
      const r = await api<{ account: StaffRow; password: string }>('/api/admin/staff', {
        method: 'POST',
        body: { username: String(d.get('username')).trim().toLowerCase(), displayName: String(d.get('displayName')).trim(), role: String(d.get('role')) },
      });
      form.reset();
      return t('staff.password', { username: r.account.username, password: r.password });
    });
  }

  private async saveStaff(s: StaffRow, patch: Partial<Pick<StaffRow, 'displayName' | 'role' | 'active'>>) {
    await this.run(async () => {
      await api(`/api/admin/staff/${encodeURIComponent(s.id)}`, { method: 'PUT', body: { displayName: s.displayName, role: s.role, active: s.active, ...patch } });
      return t('admin.saved');
    });
  }

  private async reset(s: StaffRow) {
    if (!confirm(t('staff.confirmReset', { name: s.displayName }))) return;
    await this.run(async () => {
      const r = await api<{ password: string }>(`/api/admin/staff/${encodeURIComponent(s.id)}/reset-password`, { method: 'POST' });
      return t('staff.password', { username: s.username, password: r.password });
    });
  }

  private async run(action: () => Promise<string>) {
    try {
      this.message = { text: await action(), error: false };
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    }
    await this.reload();
  }
}
