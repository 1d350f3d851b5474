/**
 * `<qm-display-header>`: the center's name with the server's clock and date.
 *
 * Properties:
 * - `centerName`, `centerNameEn` (string)
 * - `timeZone` (string): the center's zone (DEFAULT_TIME_ZONE until set)
 * - `serverOffsetMs` (number): server clock minus this machine's, so every screen agrees
 * - `english` (boolean): adds the English name and weekday
 *
 * CSS parts: `name`, `clock`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { DEFAULT_TIME_ZONE } from '../../protocol/local-time';
import { centerClock } from '../center-time';
import { ClockController } from '../lib/clock-controller';
import { displayTheme } from './theme';

export class QmDisplayHeader extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 2vw;
        padding: 1.2vmin 2vw;
        background: var(--qm-panel);
        border-bottom: 0.4vmin solid var(--qm-number);
      }
      .name {
        min-width: 0;
      }
      .vi {
        margin: 0;
        font-size: var(--qm-header-name-size, 3.6vmin);
        font-weight: 700;
        line-height: 1.15;
        overflow: hidden;
        text-overflow: ellipsis;
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
      }
      .name .en {
        font-size: 2.2vmin;
        margin-top: 0.3vmin;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .clock {
        text-align: right;
        white-space: nowrap;
      }
      .time {
        font-size: var(--qm-header-time-size, 6vmin);
        font-weight: 700;
        line-height: 1;
      }
      .date {
        font-size: 2.4vmin;
        color: var(--qm-muted);
        margin-top: 0.4vmin;
      }
    `,
  ];

  @property() centerName = '';
  @property() centerNameEn = '';
  @property() timeZone = DEFAULT_TIME_ZONE;
  @property({ type: Number }) serverOffsetMs = 0;
  @property({ type: Boolean }) english = false;
  private readonly ticker = new ClockController(this);


  override render() {
    const clock = centerClock(this.ticker.now + this.serverOffsetMs, this.timeZone);
    return html`
      <div class="name" part="name">
        <h1 class="vi">${this.centerName}</h1>
        ${this.english && this.centerNameEn ? html`<div class="en">${this.centerNameEn}</div>` : nothing}
      </div>
      <div class="clock" part="clock">
        <div class="time tabular" data-testid="clock-time">${clock.time}</div>
        <div class="date tabular" data-testid="clock-date">
          ${clock.weekdayVi}, ${clock.date}${this.english ? html` <span class="en">· ${clock.weekdayEn}</span>` : nothing}
        </div>
      </div>
    `;
  }
}
