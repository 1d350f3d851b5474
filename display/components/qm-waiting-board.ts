/**
 * `<qm-waiting-board>`: how many people wait for each service, so a citizen
 * can judge whether to sit down or come back later.
 *
 * Properties:
 * - `rows` (WaitingRow[]): services in display order with their counts
 * - `english` (boolean)
 * - `columns` (number): tiles per row (the parent picks it for the orientation)
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { WaitingRow } from '../display-filter';
import { vi } from '../i18n';
import { displayTheme } from './theme';

export class QmWaitingBoard extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        gap: 1vmin;
      }
      .tile {
        display: grid;
        grid-template-columns: auto 1fr auto;
        align-items: center;
        gap: 0.8vw;
        padding: 0.8vmin 1vw;
        background: var(--qm-panel);
        border-radius: 1vmin;
        border: 0.25vmin solid var(--qm-line);
        min-width: 0;
      }
      .prefix {
        font-size: 3.4vmin;
        font-weight: 800;
        color: var(--qm-bg);
        background: var(--qm-number);
        border-radius: 0.6vmin;
        min-width: 1.6em;
        text-align: center;
        line-height: 1.5;
      }
      .name {
        font-size: var(--qm-waiting-name-size, 2.5vmin);
        line-height: 1.2;
        font-weight: 600;
        min-width: 0;
      }
      .name .en {
        display: block;
        font-size: 0.8em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .count {
        text-align: right;
        line-height: 1;
      }
      .count b {
        display: block;
        font-size: 5vmin;
        font-weight: 800;
      }
      .count span {
        font-size: 1.7vmin;
        color: var(--qm-muted);
        white-space: nowrap;
      }
      .count .pri {
        color: var(--qm-priority);
      }
      .zero b {
        color: var(--qm-muted);
      }
    `,
  ];

  @property({ attribute: false }) rows: WaitingRow[] = [];
  @property({ type: Boolean }) english = false;
  @property({ type: Number }) columns = 4;

  override render() {
    // A list of services for a screen reader (each with its count), not one run of text.
    return html`<div class="grid" role="list" aria-label=${vi.waiting} data-testid="waiting" style=${styleMap({ gridTemplateColumns: `repeat(${Math.max(1, this.columns)}, minmax(0, 1fr))` })}>
      ${this.rows.map(
        (row) => html`<div class="tile ${row.waiting === 0 ? 'zero' : ''}" role="listitem" data-service=${row.service.id} data-waiting=${row.waiting}>
          <span class="prefix">${row.service.prefix || '#'}</span>
          <span class="name two-lines">${row.service.name}${this.english ? html`<span class="en">${row.service.nameEn}</span>` : nothing}</span>
          <span class="count tabular">
            <b>${row.waiting}</b>
            <span>${vi.waitingUnit}</span>
            ${row.waitingPriority > 0 ? html`<span class="pri">★ ${row.waitingPriority}</span>` : nothing}
          </span>
        </div>`,
      )}
    </div>`;
  }
}
