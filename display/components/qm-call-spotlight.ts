/**
 * `<qm-call-spotlight>`: the newest call, as large as the screen allows:
 * ticket number → counter, with a gentle highlight each time a call arrives
 * (also on a recall of the same number).
 *
 * Properties:
 * - `call` (CallRecord | null)
 * - `serviceName`, `serviceNameEn` (string)
 * - `priorityName`, `priorityNameEn` (string): empty for a normal ticket
 * - `english` (boolean)
 *
 * CSS parts: `number`, `counter`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CallRecord } from '../../protocol/realtime';
import { en, vi } from '../i18n';
import { callRenderKey } from '../view-helpers';
import { displayTheme } from './theme';

export class QmCallSpotlight extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        display: flex;
        container-type: size;
      }
      .card {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 1.5cqh;
        padding: 3cqh 3cqw;
        border-radius: 1.2vmin;
        background: var(--qm-panel);
        border: 0.5vmin solid var(--qm-line);
        text-align: center;
        overflow: hidden;
        animation: arrive 2.4s ease-out 1;
      }
      .card.priority {
        border-color: var(--qm-priority);
      }
      /* A warm glow and an amber border: dark enough that the amber number keeps at least 7:1 all through it. */
      @keyframes arrive {
        0% {
          background: #4a3800;
          border-color: var(--qm-number);
          transform: scale(0.97);
        }
        15% {
          background: #3d2f00;
          border-color: var(--qm-number);
          transform: scale(1);
        }
        45% {
          background: #2c3a2c;
        }
        100% {
          background: var(--qm-panel);
        }
      }
      .label {
        font-size: min(8cqh, 4.6cqw);
        font-weight: 600;
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .label .en {
        display: block;
        font-size: 0.62em;
        text-transform: none;
        letter-spacing: 0;
      }
      .number {
        font-size: min(40cqh, 26cqw);
        font-weight: 800;
        line-height: 0.95;
        color: var(--qm-number);
        letter-spacing: 0.02em;
      }
      .to {
        display: flex;
        align-items: baseline;
        justify-content: center;
        gap: 0.35em;
        font-size: min(17cqh, 10cqw);
        font-weight: 700;
        line-height: 1;
      }
      .to .arrow {
        color: var(--qm-muted);
      }
      .to .counter {
        color: var(--qm-counter);
      }
      .to-en {
        font-size: min(5cqh, 3cqw);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 1cqw;
        justify-content: center;
        align-items: center;
        font-size: min(5.2cqh, 3.2cqw);
        color: var(--qm-muted);
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.3em;
        padding: 0.15em 0.6em;
        border-radius: 0.4em;
        font-weight: 700;
        color: #fff;
      }
      .badge.priority {
        background: var(--qm-priority);
      }
      .badge.recall {
        background: var(--qm-panel-2);
        border: 2px solid var(--qm-counter);
        color: var(--qm-counter);
      }
      .empty {
        font-size: min(8cqh, 5cqw);
        color: var(--qm-muted);
      }
      @media (prefers-reduced-motion: reduce) {
        .card {
          animation: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) call: CallRecord | null = null;
  @property() serviceName = '';
  @property() serviceNameEn = '';
  @property() priorityName = '';
  @property() priorityNameEn = '';
  @property({ type: Boolean }) english = false;

  override render() {
    const call = this.call;
    if (!call) {
      return html`<div class="card" aria-live="polite">
        <div class="empty">${vi.noCallsYet}${this.english ? html`<div class="en">${en.noCallsYet}</div>` : nothing}</div>
      </div>`;
    }
    const priority = call.ticket.priorityId !== null;
    // Keyed on the call: a new card replays the arrival animation, including for a recall.
    return keyed(
      callRenderKey(call),
      html`<div class="card ${priority ? 'priority' : ''}" role="status" aria-live="assertive" data-testid="spotlight" data-ticket=${call.ticket.number} data-counter=${call.counter.number}>
        <div class="label">${vi.nowCalling}${this.english ? html`<span class="en">${en.nowCalling}</span>` : nothing}</div>
        <div class="number tabular" part="number">${call.ticket.number}</div>
        <div class="to" part="counter">
          <span class="arrow" aria-hidden="true">➜</span><span>${vi.counter}</span><span class="counter tabular">${call.counter.number}</span>
        </div>
        ${this.english ? html`<div class="to-en en">${en.toCounter} ${call.counter.number}</div>` : nothing}
        <div class="meta">
          ${priority
            ? html`<span class="badge priority" data-testid="priority-badge">★ ${vi.priority}${this.priorityName ? ` · ${this.priorityName}` : ''}</span>`
            : nothing}
          ${call.recall ? html`<span class="badge recall">↻ ${vi.recall}</span>` : nothing}
          <span>${this.serviceName}</span>
          ${this.english && this.serviceNameEn ? html`<span class="en">(${this.serviceNameEn})</span>` : nothing}
        </div>
      </div>`,
    );
  }
}
