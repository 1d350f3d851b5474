/**
 * `<qm-admin-province>` (Quản trị › Tỉnh): the center's link to its province hub — linked or not, the last
 * exchange, what the hub still lacks — the enrolment form (hub address and one-time code), and what came down from
 * the province (its audit rows, `province.*`).
 *
 * @property timeZone - the center's zone for the timestamps
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AuditEntry } from '../../server/admin/read-routes';
import { api, ApiError } from '../lib/api';
import { DEFAULT_TIME_ZONE, formatLocalDateTimeSeconds } from '../../protocol/local-time';
import { t } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n.vi';
import { changedFields, auditActionLabel } from './qm-admin-audit';
import { theme } from './theme';

interface HubState {
  status: 'linked' | 'offline' | 'unlinked';
  lastSyncAt: number | null;
  pendingEvents: number;
  hubUrl: string | null;
  hubCenterCode: string | null;
  hubCenterName: string | null;
  enrolledAt: number | null;
  downlinkApplied: number;
  lastError: string | null;
  nextAttemptAt: number | null;
}

export class QmAdminProvince extends LitElement {
  static override styles = [
    theme,
    css`
      .card {
        margin-bottom: 1rem;
        display: grid;
        gap: 0.6rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      form {
        display: grid;
        gap: 0.6rem;
        max-width: 44rem;
      }
      form label {
        display: grid;
        gap: 0.25rem;
      }
      form input {
        width: 100%;
        box-sizing: border-box;
      }
      td.change {
        font-family: inherit;
        font-size: 0.82rem;
        word-break: break-word;
        max-width: 60ch;
      }
    `,
  ];

  @property() timeZone = DEFAULT_TIME_ZONE;
  @state() private hub: HubState | null = null;
  @state() private rows: AuditEntry[] = [];
  @state() private message: { text: string; error: boolean } | null = null;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.hub = await api<HubState>('/api/admin/hub');
      this.rows = await api<AuditEntry[]>('/api/admin/audit?limit=50&action=province');
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    }
  }

  private readonly enrol = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const hubUrl = String(data.get('hubUrl') ?? '').trim();
    const enrolmentCode = String(data.get('code') ?? '').trim();
    this.busy = true;
    try {
      this.hub = await api<HubState>('/api/admin/hub/enrol', { method: 'POST', body: hubUrl ? { hubUrl, enrolmentCode } : { enrolmentCode } });
      this.message = { text: t('province.enrolled'), error: false };
      form.reset();
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    } finally {
      this.busy = false;
    }
  };

  private when(ms: number | null): string {
    return ms === null ? t('province.never') : formatLocalDateTimeSeconds(ms, this.timeZone);
  }

  override render() {
    const h = this.hub;
    return html`<section class="card" aria-labelledby="province-state">
        <h2 id="province-state">${t('province.state')}</h2>
        ${h
          ? html`<dl>
              <dt>${t('province.status')}</dt>
              <dd><strong>${t(`province.status.${h.status}` as MessageKey)}</strong></dd>
              ${h.status !== 'unlinked'
                ? html`<dt>${t('province.hub')}</dt>
                    <dd>${h.hubUrl ?? ''}</dd>
                    <dt>${t('province.center')}</dt>
                    <dd>${h.hubCenterCode ?? ''} · ${h.hubCenterName ?? ''}</dd>
                    <dt>${t('province.lastSync')}</dt>
                    <dd>${this.when(h.lastSyncAt)}</dd>
                    <dt>${t('province.pending')}</dt>
                    <dd>${h.pendingEvents}</dd>
                    <dt>${t('province.downlink')}</dt>
                    <dd>${h.downlinkApplied}</dd>
                    ${h.lastError ? html`<dt>${t('province.lastError')}</dt><dd>${h.lastError}</dd>` : null}`
                : null}
            </dl>`
          : html`<p class="muted">…</p>`}
        <p><button @click=${() => this.load()}>${t('province.refresh')}</button></p>
      </section>
      <section class="card" aria-labelledby="province-enrol">
        <h2 id="province-enrol">${t('province.enrol')}</h2>
        <p class="muted">${t('province.enrolHelp')}</p>
        <form @submit=${this.enrol}>
          <label>${t('province.hubUrl')} <input name="hubUrl" type="url" inputmode="url" placeholder="https://" .value=${h?.hubUrl ?? ''} /></label>
          <label>${t('province.code')} <input name="code" required autocomplete="off" /></label>
          <p><button type="submit" ?disabled=${this.busy}>${t('province.enrolButton')}</button></p>
        </form>
        <div role="status" aria-live="polite">${this.message ? html`<p class="toast ${this.message.error ? 'error' : ''}">${this.message.text}</p>` : null}</div>
      </section>
      <section class="card" aria-labelledby="province-received">
        <h2 id="province-received">${t('province.received')}</h2>
        ${this.rows.length === 0
          ? html`<p class="muted">${t('province.nothingYet')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>${t('audit.at')}</th>
                  <th>${t('audit.action')}</th>
                  <th>${t('audit.change')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.rows.map(
                  (r) => html`<tr>
                    <td>${formatLocalDateTimeSeconds(r.at, this.timeZone)}</td>
                    <td>${auditActionLabel(r.action)}</td>
                    <td class="change">${changedFields(r.data)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      </section>`;
  }
}
