/**
 * `<qm-admin-procedures>`: replace the procedure catalog from a CSV/JSON file
 * (all or nothing, problems listed per row) and export it.
 */
import { LitElement, css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { api, ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { theme } from './theme';

interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export class QmAdminProcedures extends LitElement {
  static override styles = [
    theme,
    css`
      .card {
        margin-bottom: 1rem;
        display: grid;
        gap: 0.6rem;
      }
      a {
        color: var(--qm-blue);
        margin-right: 1rem;
      }
    `,
  ];

  @state() private message: { text: string; error: boolean } | null = null;
  @state() private problems: RowProblem[] = [];

  override render() {
    return html`<section class="card">
        <h2>${t('procedures.import')}</h2>
        <label>${t('procedures.file')} <input type="file" accept=".csv,.json,text/csv,application/json" @change=${this.upload} /></label>
        <div role="status" aria-live="polite">${this.message ? html`<p class="toast ${this.message.error ? 'error' : ''}">${this.message.text}</p>` : null}</div>
        ${this.problems.length
          ? html`<table>
              <thead>
                <tr>
                  <th class="num">${t('procedures.row')}</th>
                  <th>${t('procedures.field')}</th>
                  <th>${t('procedures.problem')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.problems.map((p) => html`<tr><td class="num">${p.row}</td><td>${p.field}</td><td>${p.message}</td></tr>`)}
              </tbody>
            </table>`
          : null}
      </section>
      <section class="card">
        <h2>${t('procedures.export')}</h2>
        <p><a href="/api/admin/procedures/export?format=csv" download>CSV (Excel)</a><a href="/api/admin/procedures/export?format=json" download>JSON</a></p>
      </section>`;
  }

  private async upload(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
    this.problems = [];
    try {
      const r = await api<{ imported: number }>('/api/admin/procedures/import', { method: 'POST', body: { format, content: await file.text() } });
      this.message = { text: t('procedures.imported', { count: r.imported }), error: false };
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
      if (err instanceof ApiError && Array.isArray(err.details)) this.problems = err.details as RowProblem[];
    } finally {
      input.value = '';
    }
  }
}
