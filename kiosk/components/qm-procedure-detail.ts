/**
 * qm-procedure-detail — one procedure as the national database describes it: code,
 * field, agency, steps, dossier components with copies, time limit, fees, legal basis,
 * online availability (with a QR to the online service), and two actions.
 *
 * @property api          the kiosk's REST client
 * @property procedureId  which procedure to show
 * @property locale         'vi' | 'en'
 * @property openServiceIds services open here now: no ticket button for a service that is not
 * @property offline      true while the server is unreachable
 * @property printNote    outcome of the last checklist print, shown under the buttons
 * @fires qm-ticket-requested {serviceId, priorityId: null} — "Lấy số cho thủ tục này"
 * @fires qm-checklist-print-requested {procedureId} — "In danh mục hồ sơ"
 * @fires qm-navigate {to: 'back'}
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ONLINE_LEVEL_LABELS, PROCEDURE_LEVEL_LABELS, type Procedure } from '../../protocol/procedure';
import type { KioskApi } from '../lib/api';
import { emit } from '../lib/events';
import { icon } from '../lib/icons';
import { t, type Lang, type MessageKey } from '../lib/i18n';
import type { PrintNote } from '../lib/print-state';
import { base, fillColumn } from './shared-styles';

export class QmProcedureDetail extends LitElement {
  @property({ attribute: false }) api: KioskApi | null = null;
  @property() procedureId = '';
  @property() locale: Lang = 'vi';
  @property({ attribute: false }) openServiceIds: string[] = [];
  @property({ type: Boolean }) offline = false;
  @property({ attribute: false }) printNote: PrintNote | null = null;
  @property({ type: Boolean }) printing = false;

  @state() private record: Procedure | null = null;
  @state() private failed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  static override styles = [
    base,
    fillColumn,
    css`
      .bar {
        display: flex;
        gap: 16px;
        align-items: center;
      }
      .scroll {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
        font-size: calc(28px * var(--_k));
        line-height: 1.4;
        padding-right: 8px;
      }
      h2 {
        font-size: calc(44px * var(--_kb));
        line-height: 1.2;
        margin: 0 0 16px;
      }
      h3 {
        font-size: calc(32px * var(--_k));
        margin: 28px 0 8px;
        color: var(--_primary);
      }
      dl.facts {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 8px 24px;
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      ol,
      ul {
        margin: 0;
        padding-left: 1.4em;
      }
      li + li {
        margin-top: 8px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        border: 2px solid var(--_line);
        padding: 10px 14px;
        text-align: left;
        vertical-align: top;
      }
      th {
        background: #e7f0fa;
      }
      .online {
        display: flex;
        gap: 24px;
        align-items: center;
      }
      qm-qr-code {
        --qm-qr-size: 200px;
        flex: none;
      }
      .actions {
        display: flex;
        gap: 16px;
        flex-wrap: wrap;
      }
      .actions .btn {
        flex: 1 1 380px;
        min-height: 96px;
      }
      .take {
        background: var(--_primary);
      }
      .print {
        background: var(--_lookup);
      }
      .note {
        font-size: calc(26px * var(--_k));
        margin: 0;
        padding: 12px 20px;
        border-radius: var(--_radius);
        background: #e7f0fa;
      }
      .note.problem {
        background: var(--_warn-bg);
        color: var(--_warn-ink);
        font-weight: 700;
      }
    `,
  ];

  override updated(changed: Map<string, unknown>) {
    if (changed.has('procedureId') || changed.has('api')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retry);
  }

  private async load() {
    clearTimeout(this.retry);
    if (!this.api || !this.procedureId) return;
    const id = this.procedureId;
    try {
      const record = await this.api.get<Procedure>(`/api/procedures/${encodeURIComponent(id)}`);
      if (id !== this.procedureId) return;
      this.record = record;
      this.failed = false;
    } catch {
      this.failed = true;
      this.retry = setTimeout(() => void this.load(), 3000);
    }
  }

  override render() {
    const p = this.record?.id === this.procedureId ? this.record : null;
    return html`<div class="bar">
        <button class="btn secondary" @click=${() => emit(this, 'qm-navigate', { to: 'back' })}>${icon('back', 40)}${t(this.locale, 'back')}</button>
      </div>
      ${p ? this.renderRecord(p) : html`<p class="scroll" role="status">${t(this.locale, this.failed ? 'loadFailed' : 'loading')}</p>`}`;
  }

  private renderRecord(p: Procedure) {
    const L = (key: MessageKey) => t(this.locale, key);
    // Focusable, so a keyboard (or a switch device) can scroll a long record.
    return html`<article class="scroll" aria-labelledby="title" tabindex="0">
        <h2 id="title">${p.name}</h2>
        <dl class="facts">
          <dt>${L('code')}</dt>
          <dd>${p.code}</dd>
          <dt>${L('field')}</dt>
          <dd>${p.field}</dd>
          <dt>${L('level')}</dt>
          <dd>${PROCEDURE_LEVEL_LABELS[p.level][this.locale]}</dd>
          <dt>${L('agency')}</dt>
          <dd>${p.agency}</dd>
          <dt>${L('timeLimit')}</dt>
          <dd>${p.timeLimit}</dd>
          <dt>${L('fees')}</dt>
          <dd>${p.fees}</dd>
        </dl>
        <h3>${L('documents')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">${L('documentName')}</th>
              <th scope="col">${L('copies')}</th>
            </tr>
          </thead>
          <tbody>
            ${p.documents.map((d) => html`<tr><td>${d.name}${d.note ? html`<br /><small>${d.note}</small>` : null}</td><td>${d.copies}</td></tr>`)}
          </tbody>
        </table>
        <h3>${L('steps')}</h3>
        <ol>
          ${p.steps.map((s) => html`<li>${s}</li>`)}
        </ol>
        ${p.conditions && p.conditions !== 'Không.' ? html`<h3>${L('conditions')}</h3><p>${p.conditions}</p>` : null}
        <h3>${L('result')}</h3>
        <p>${p.result}</p>
        <h3>${L('online')}</h3>
        <div class="online">
          ${p.onlineUrl && p.online !== 'none' ? html`<qm-qr-code .value=${p.onlineUrl} label=${L('onlineScan')}></qm-qr-code>` : null}
          <div>
            <p><strong>${ONLINE_LEVEL_LABELS[p.online][this.locale]}</strong></p>
            ${p.onlineUrl && p.online !== 'none' ? html`<p>${L('onlineScan')}</p>` : null}
          </div>
        </div>
        <h3>${L('legalBasis')}</h3>
        <ul>
          ${p.legalBasis.map((s) => html`<li>${s}</li>`)}
        </ul>
      </article>
      ${this.printNote
        ? html`<p class="note ${this.printNote.problem ? 'problem' : ''}" role="status" data-testid="checklist-note">${t(this.locale, this.printNote.key)}</p>`
        : null}
      ${!p.serviceId ? html`<p class="note">${L('noServiceForProcedure')}</p>` : null}
      <div class="actions">
        <button
          class="btn take"
          ?disabled=${!p.serviceId || this.offline || !this.openServiceIds.includes(p.serviceId)}
          @click=${() => p.serviceId && emit(this, 'qm-ticket-requested', { serviceId: p.serviceId, priorityId: null })}
        >
          ${icon('priority', 44)}${L('takeTicketForProcedure')}
        </button>
        <button class="btn print" ?disabled=${this.printing} @click=${() => emit(this, 'qm-checklist-print-requested', { procedureId: p.id })}>
          ${icon('printer', 44)}${L('printChecklist')}
        </button>
      </div>`;
  }
}
