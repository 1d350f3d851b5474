/**
 * qm-ticket-issued — the confirmation after a tap: the number in very large type, the
 * service, people ahead, estimated wait, time, a QR code to the phone page, and what
 * to do if the printer cannot print; a ticket taken on a browser that is not a kiosk (a phone)
 * says it was not printed and offers the phone page's link next to the QR.
 *
 * @property ticket         the ticket exactly as the server answered it
 * @property locale           'vi' | 'en'
 * @property timeZone       the center's zone, for the issue time
 * @property printerProblem true when the printer is known to be out of order now
 * @property held           the citizen asked to keep this screen ("Giữ màn hình")
 * @fires qm-navigate {to: 'home'} — the "Xong" button
 * @fires qm-hold-screen — the "Giữ màn hình" button
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { TicketView } from '../../protocol/schemas';
import { emit } from '../lib/events';
import { icon } from '../lib/icons';
import { DEFAULT_TIME_ZONE, formatLocalTime } from '../../protocol/local-time';
import { t, type Lang } from '../lib/i18n';
import { ticketPrintNote } from '../lib/print-state';
import { waitText } from '../lib/wait-text';
import { base } from './shared-styles';

export class QmTicketIssued extends LitElement {
  @property({ attribute: false }) ticket: TicketView | null = null;
  @property() locale: Lang = 'vi';
  @property() timeZone = DEFAULT_TIME_ZONE;
  @property({ type: Boolean }) printerProblem = false;
  @property({ type: Boolean }) held = false;

  static override styles = [
    base,
    css`
      :host {
        flex: 1;
        min-height: 0;
      }
      .card {
        height: 100%;
        align-content: space-evenly;
        display: grid;
        gap: 24px 48px;
        grid-template-columns: 1fr;
        justify-items: center;
        text-align: center;
        padding: 32px;
        border: 6px solid var(--_primary);
        border-radius: var(--_radius);
        background: var(--_paper);
      }
      .label {
        font-size: calc(36px * var(--_k));
        margin: 0;
        color: var(--_muted);
      }
      .number {
        font-size: clamp(160px, 26cqw, 360px);
        font-weight: 800;
        line-height: 1;
        margin: 0;
        letter-spacing: 0.02em;
        font-variant-numeric: tabular-nums;
      }
      .service {
        font-size: calc(44px * var(--_kb));
        font-weight: 700;
        margin: 0;
      }
      .priority {
        font-size: calc(30px * var(--_k));
        font-weight: 700;
        color: var(--_priority);
        margin: 0;
      }
      .booked {
        font-size: calc(30px * var(--_k));
        font-weight: 700;
        color: var(--_primary);
        margin: 0;
      }
      /* Three figures side by side; with large text they wrap rather than overflow. */
      dl {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 16px 48px;
        margin: 0;
      }
      dl > div {
        display: grid;
        gap: 8px;
        justify-items: center;
      }
      dt {
        font-size: calc(26px * var(--_k));
        color: var(--_muted);
      }
      dd {
        margin: 0;
        font-size: calc(40px * var(--_kb));
        font-weight: 700;
      }
      .print {
        display: flex;
        align-items: center;
        gap: 20px;
        font-size: calc(30px * var(--_k));
        line-height: 1.3;
        padding: 20px 28px;
        border-radius: var(--_radius);
        background: #e7f0fa;
        text-align: left;
        margin: 0;
      }
      .print.problem {
        background: var(--_warn-bg);
        color: var(--_warn-ink);
        border: 4px solid var(--_warn-ink);
        font-weight: 700;
      }
      .print .icon {
        flex: none;
      }
      .print.not-kiosk {
        border: 4px solid var(--_primary);
        font-weight: 600;
      }
      a.phone-link {
        min-height: 72px;
        text-decoration: none;
        font-size: calc(30px * var(--_k));
        border-radius: var(--_radius);
        padding: 12px 36px;
      }
      .side {
        display: grid;
        gap: 20px;
        justify-items: center;
      }
      .qr {
        display: flex;
        align-items: center;
        gap: 24px;
        font-size: calc(26px * var(--_k));
        text-align: left;
        max-width: 640px;
      }
      qm-qr-code {
        --qm-qr-size: 300px;
        flex: none;
      }
      .foot {
        display: flex;
        align-items: center;
        gap: 16px 24px;
        flex-wrap: wrap;
        justify-content: center;
        font-size: calc(26px * var(--_k));
        color: var(--_muted);
      }
      .foot p {
        margin: 0;
        flex: 1 1 100%;
        text-align: center;
      }
      .foot .held {
        color: var(--_ink);
        font-weight: 700;
      }
      .foot .btn {
        min-height: 96px;
        font-size: calc(34px * var(--_k));
        padding: 12px 40px;
      }
      @container kiosk (min-width: 1400px) {
        .card {
          grid-template-columns: 1fr auto;
          text-align: left;
          justify-items: start;
        }
        .main {
          justify-self: stretch;
        }
        .side {
          grid-column: 2;
          grid-row: 1 / span 2;
          align-self: center;
        }
        .qr {
          flex-direction: column;
          text-align: center;
          max-width: 320px;
        }
        dl {
          justify-content: flex-start;
        }
        dl > div {
          justify-items: start;
        }
        /* One row across the card: what happens next, then the buttons (the screen is short). */
        .foot {
          grid-column: 1 / -1;
          justify-content: flex-start;
        }
        .foot p {
          flex: 0 1 auto;
          text-align: left;
        }
      }
    `,
  ];

  override render() {
    const tk = this.ticket;
    if (!tk) return null;
    const message = ticketPrintNote(tk, this.printerProblem);
    const service = this.locale === 'en' ? tk.serviceNameEn || tk.serviceName : tk.serviceName;
    const eta = waitText(this.locale, 'ticket', tk.etaMinutes, tk.etaRange) ?? '—';
    // The phone page opens in the language the citizen chose here.
    const phoneUrl = this.locale === 'en' ? `${tk.phoneUrl}?lang=en` : tk.phoneUrl;
    return html`<div class="card" role="status" aria-live="assertive">
      <div class="main">
        <p class="label">${t(this.locale, 'yourNumber')}</p>
        <p class="number" data-testid="ticket-number">${tk.number}</p>
        <p class="service">${service}</p>
        ${tk.priorityName ? html`<p class="priority">${t(this.locale, 'priorityChosen', { name: tk.priorityName })}</p>` : null}
        ${tk.slotAt ? html`<p class="booked" data-testid="booked-for">${t(this.locale, 'bookedFor', { time: formatLocalTime(tk.slotAt, this.timeZone) })}</p>` : null}
        <dl>
          <div>
            <dt>${t(this.locale, 'ahead')}</dt>
            <dd data-testid="ahead">${tk.waitingAhead}</dd>
          </div>
          <div>
            <dt>${t(this.locale, 'estimatedWait')}</dt>
            <dd data-testid="eta">${eta}</dd>
          </div>
          <div>
            <dt>${t(this.locale, 'issuedAt')}</dt>
            <dd>${formatLocalTime(tk.issuedAt, this.timeZone)}</dd>
          </div>
        </dl>
      </div>
      <div class="side">
        <div class="qr">
          <qm-qr-code .value=${phoneUrl} label=${t(this.locale, 'scanToFollow')}></qm-qr-code>
          <span>${t(this.locale, 'scanToFollow')}</span>
        </div>
        ${message.notKiosk ? html`<a class="btn phone-link" href=${phoneUrl} data-testid="phone-link">${icon('phone', 44)}${t(this.locale, 'openPhonePage')}</a>` : null}
      </div>
      <p class="print ${message.problem ? 'problem' : ''} ${message.notKiosk ? 'not-kiosk' : ''}" data-testid="print-message" data-problem=${message.problem}>
        ${icon(message.problem ? 'warning' : message.notKiosk ? 'phone' : 'printer', 56)}<span>${t(this.locale, message.key)}</span>
      </p>
      <div class="foot">
        ${this.held
          ? html`<p class="held" data-testid="screen-held">${t(this.locale, 'screenHeld')}</p>`
          : html`<p>${t(this.locale, 'returningHome')}</p>
              <button class="btn secondary" data-testid="hold-screen" @click=${() => emit(this, 'qm-hold-screen', {})}>${icon('hold', 48)}${t(this.locale, 'holdScreen')}</button>`}
        <button class="btn" data-testid="done" @click=${() => emit(this, 'qm-navigate', { to: 'home' })}>${t(this.locale, 'done')}</button>
      </div>
    </div>`;
  }
}
