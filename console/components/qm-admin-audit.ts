/**
 * `<qm-admin-audit>`: who changed what, newest first, with before → after.
 *
 * @property timeZone - the center's zone for the timestamps
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AuditEntry } from '../../server/admin/read-routes';
import { api, ApiError } from '../lib/api';
import { DEFAULT_TIME_ZONE, formatLocalDateTimeSeconds } from '../../protocol/local-time';
import { t } from '../lib/i18n';
import { vi, type MessageKey } from '../lib/i18n.vi';
import { theme } from './theme';

/** The fields that differ between before and after, so a long record reads as its change. */
export function changedFields(data: unknown): string {
  const { before, after } = (data ?? {}) as { before?: unknown; after?: unknown };
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return JSON.stringify(after ?? before ?? {});
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys({ ...b, ...a })
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${JSON.stringify(b[k])} → ${JSON.stringify(a[k])}`)
    .join('; ');
}

/** An action's name in the console's language where it has one (what came from the province), else its code. */
export function auditActionLabel(action: string): string {
  const key = `auditAction.${action}`;
  return key in vi ? t(key as MessageKey) : action;
}

export class QmAdminAudit extends LitElement {
  static override styles = [
    theme,
    css`
      td.change {
        /* The page's font, not a monospace one: changes carry Vietnamese names and reasons, and common monospace
           fonts (DejaVu Sans Mono) lack the letters with two marks. */
        font-family: inherit;
        font-size: 0.82rem;
        word-break: break-word;
        max-width: 60ch;
      }
    `,
  ];

  @property() timeZone = DEFAULT_TIME_ZONE;
  @state() private rows: AuditEntry[] = [];
  @state() private error = '';
  @state() private more = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(before?: number) {
    try {
      const page = await api<AuditEntry[]>(`/api/admin/audit?limit=100${before ? `&before=${before}` : ''}`);
      this.rows = before ? [...this.rows, ...page] : page;
      this.more = page.length === 100;
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    if (this.error) return html`<p class="toast error">${this.error}</p>`;
    return html`<table class="card">
        <thead>
          <tr>
            <th>${t('audit.at')}</th>
            <th>${t('audit.who')}</th>
            <th>${t('audit.action')}</th>
            <th>${t('audit.target')}</th>
            <th>${t('audit.change')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) => html`<tr>
              <td>${formatLocalDateTimeSeconds(r.at, this.timeZone)}</td>
              <td>${r.username ?? (r.action.startsWith('province.') ? t('audit.byProvince') : '')}</td>
              <td>${auditActionLabel(r.action)}</td>
              <td>${r.target ?? ''}</td>
              <td class="change">${changedFields(r.data)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.more ? html`<p><button @click=${() => this.load(this.rows[this.rows.length - 1]?.id)}>${t('audit.more')}</button></p>` : null}`;
  }
}
