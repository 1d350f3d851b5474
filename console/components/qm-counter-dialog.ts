/**
 * `<qm-counter-dialog>`: the counter's modal forms — transfer, pause, call a number.
 * Focus moves into the dialog; Esc cancels; Enter submits.
 *
 * @property kind - 'transfer' | 'pause' | 'call'
 * @property number - the ticket number the dialog acts on (transfer)
 * @property services, counters - transfer targets
 * @property callable - waiting tickets this counter may call (call)
 * @fires qm-dialog-submit - detail: the form values
 * @fires qm-dialog-cancel
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Counter, PriorityCategory, Service } from '../../protocol/domain';
import type { StaffTicket } from '../../protocol/realtime';
import { emit } from '../lib/events';
import { nameOf, t } from '../lib/i18n';
import { theme } from './theme';

export type DialogKind = 'transfer' | 'pause' | 'call';

export class QmCounterDialog extends LitElement {
  static override styles = [
    theme,
    css`
      .backdrop {
        position: fixed;
        inset: 0;
        background: rgba(15, 23, 42, 0.45);
        display: grid;
        place-items: center;
        z-index: 10;
      }
      form {
        width: min(560px, 94vw);
        display: grid;
        gap: 0.9rem;
        max-height: 90vh;
        overflow: auto;
      }
      label {
        display: grid;
        gap: 0.3rem;
        font-weight: 600;
      }
      .chips,
      .tickets {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .chips button[aria-pressed='true'] {
        background: var(--qm-blue);
        color: #fff;
      }
      .tickets button {
        font-size: 1.15rem;
        font-weight: 700;
        min-width: 5.5rem;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
      }
    `,
  ];

  @property() kind: DialogKind = 'pause';
  @property() number = '';
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) counters: Counter[] = [];
  @property({ attribute: false }) callable: StaffTicket[] = [];
  @property({ attribute: false }) priorities: PriorityCategory[] = [];
  @state() private reason = '';
  @state() private problem = '';

  override firstUpdated(): void {
    (this.renderRoot.querySelector('[autofocus]') as HTMLElement | null)?.focus();
  }

  override render() {
    // The dialog role sits on the backdrop: a form may not take it.
    return html`<div class="backdrop" role="dialog" aria-modal="true" aria-labelledby="dlg-title" @keydown=${this.onKey}>
      <form class="card" @submit=${this.submit}>
        ${this.kind === 'transfer' ? this.transfer() : this.kind === 'pause' ? this.pause() : this.call()}
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : null}
        <div class="actions">
          <button type="button" @click=${() => emit(this, 'qm-dialog-cancel', undefined)}>${t('dialog.cancel')}</button>
          <button class="primary" type="submit">${t('dialog.confirm')}</button>
        </div>
      </form>
    </div>`;
  }

  private transfer() {
    return html`<h2 id="dlg-title">${t('transfer.title', { number: this.number })}</h2>
      <label
        >${t('transfer.toService')}
        <select name="toServiceId" autofocus>
          <option value="">${t('transfer.none')}</option>
          ${this.services.filter((s) => s.active).map((s) => html`<option value=${s.id}>${s.prefix ? `${s.prefix} – ` : ''}${nameOf(s)}</option>`)}
        </select></label
      >
      <label
        >${t('transfer.toCounter')}
        <select name="toCounterId">
          <option value="">${t('transfer.none')}</option>
          ${this.counters.filter((c) => c.active).map((c) => html`<option value=${c.id}>${c.name}</option>`)}
        </select></label
      >
      <label>${t('transfer.note')}<textarea name="note" rows="2" maxlength="500"></textarea></label>`;
  }

  private pause() {
    const reasons = t('pause.reasons').split('|');
    return html`<h2 id="dlg-title">${t('pause.title')}</h2>
      <div class="chips" role="group" aria-label=${t('pause.reason')}>
        ${reasons.map((r) => html`<button type="button" aria-pressed=${this.reason === r ? 'true' : 'false'} @click=${() => (this.reason = r)}>${r}</button>`)}
      </div>
      <label>${t('pause.reason')}<input name="reason" required maxlength="200" autofocus .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} /></label>`;
  }

  private call() {
    const weight = new Map(this.priorities.map((p) => [p.id, p]));
    return html`<h2 id="dlg-title">${t('call.title')}</h2>
      <label>${t('call.number')}<input name="number" required autofocus autocomplete="off" style="text-transform:uppercase" /></label>
      <div class="tickets">
        ${this.callable.slice(0, 40).map(
          (tk) => html`<button type="button" @click=${() => emit(this, 'qm-dialog-submit', { number: tk.number })} title=${tk.priorityId ? nameOf(weight.get(tk.priorityId) ?? { name: '' }) : ''}>
            ${tk.number}${tk.priorityId ? html` <span class="badge priority">★</span>` : null}
          </button>`,
        )}
      </div>`;
  }

  private onKey(e: KeyboardEvent) {
    // Keys typed here must not reach the console's shortcuts.
    e.stopPropagation();
    if (e.key === 'Escape') emit(this, 'qm-dialog-cancel', undefined);
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const values = Object.fromEntries([...new FormData(e.target as HTMLFormElement)].map(([k, v]) => [k, String(v).trim()]));
    if (this.kind === 'transfer' && !values.toServiceId && !values.toCounterId) {
      this.problem = t('transfer.need');
      return;
    }
    emit(this, 'qm-dialog-submit', values);
  }
}
