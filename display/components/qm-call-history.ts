/**
 * `<qm-call-history>`: the calls before the current one, newest first, so a
 * citizen who looked away can still find their number.
 *
 * Properties:
 * - `calls` (CallRecord[]): already filtered and bounded by the parent
 * - `timeZone` (string): for the call times
 * - `english` (boolean)
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CallRecord } from '../../protocol/realtime';
import { DEFAULT_TIME_ZONE } from '../../protocol/local-time';
import { centerTime } from '../center-time';
import { en, vi } from '../i18n';
import { callRenderKey } from '../view-helpers';
import { displayTheme } from './theme';

export class QmCallHistory extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        background: var(--qm-panel);
        border-radius: 1.2vmin;
        border: 0.3vmin solid var(--qm-line);
        overflow: hidden;
      }
      h2 {
        margin: 0;
        padding: 1.2vmin 1.5vw;
        font-size: 3vmin;
        font-weight: 700;
        text-transform: uppercase;
        background: var(--qm-panel-2);
      }
      h2 .en {
        font-size: 0.7em;
        text-transform: none;
        margin-left: 0.6em;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        flex: 1;
        display: flex;
        flex-direction: column;
      }
      li {
        flex: 1 1 0;
        max-height: 12vmin;
        display: grid;
        grid-template-columns: 1fr auto 1fr;
        align-items: center;
        gap: 1vw;
        padding: 0 1.5vw;
        border-top: 1px solid var(--qm-line);
        font-size: var(--qm-history-size, 5.4vmin);
        font-weight: 700;
      }
      .number {
        color: var(--qm-number);
        white-space: nowrap;
      }
      .number.priority::after {
        content: ' ★';
        color: var(--qm-priority);
        font-size: 0.7em;
      }
      .arrow {
        color: var(--qm-muted);
        font-size: 0.7em;
      }
      .counter {
        text-align: right;
        white-space: nowrap;
      }
      .counter small {
        font-size: 0.5em;
        color: var(--qm-muted);
        font-weight: 400;
        margin-right: 0.3em;
      }
      .recall {
        font-size: 0.45em;
        color: var(--qm-counter);
        margin-left: 0.4em;
        vertical-align: middle;
      }
      .empty {
        padding: 2vmin 1.5vw;
        font-size: 2.6vmin;
        color: var(--qm-muted);
      }
    `,
  ];

  @property({ attribute: false }) calls: CallRecord[] = [];
  @property() timeZone = DEFAULT_TIME_ZONE;
  @property({ type: Boolean }) english = false;

  override render() {
    return html`
      <h2>${vi.history}${this.english ? html`<span class="en">${en.history}</span>` : nothing}</h2>
      ${this.calls.length === 0
        ? html`<div class="empty">—</div>`
        : html`<ol data-testid="history">
            ${repeat(
              this.calls,
              callRenderKey,
              (call) => html`<li data-ticket=${call.ticket.number} title=${centerTime(call.at, this.timeZone)}>
                <span class="number tabular ${call.ticket.priorityId ? 'priority' : ''}"
                  >${call.ticket.number}${call.recall ? html`<span class="recall">↻</span>` : nothing}</span
                >
                <span class="arrow" aria-hidden="true">➜</span>
                <span class="counter tabular"><small>${vi.counter}</small>${call.counter.number}</span>
              </li>`,
            )}
          </ol>`}
    `;
  }
}
