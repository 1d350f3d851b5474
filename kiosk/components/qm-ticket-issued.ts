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
 * @fires qm-navigate {to: 'home'} — the "Xong" button
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
        font-size: 36px;
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
        font-size: 44px;
        font-weight: 700;
        margin: 0;
      }
      .priority {
        font-size: 30px;
        font-weight: 700;
        color: var(--_priority);
        margin: 0;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(3, auto);
        gap: 8px 48px;
        margin: 0;
      }
      dt {
        font-size: 24px;
        color: var(--_muted);
        grid-row: 1;
      }
      dd {
        margin: 0;
        font-size: 40px;
        font-weight: 700;
        grid-row: 2;
      }
      .print {
        display: flex;
        align-items: center;
        gap: 20px;
        font-size: 30px;
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
        font-size: 30px;
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
        font-size: 26px;
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
        gap: 24px;
        flex-wrap: wrap;
        justify-content: center;
        font-size: 24px;
        color: var(--_muted);
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
        <dl>
          <dt>${t(this.locale, 'ahead')}</dt>
          <dd data-testid="ahead">${tk.waitingAhead}</dd>
          <dt>${t(this.locale, 'estimatedWait')}</dt>
          <dd data-testid="eta">${eta}</dd>
          <dt>${t(this.locale, 'issuedAt')}</dt>
          <dd>${formatLocalTime(tk.issuedAt, this.timeZone)}</dd>
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
        <span>${t(this.locale, 'returningHome')}</span>
        <button class="btn" @click=${() => emit(this, 'qm-navigate', { to: 'home' })}>${t(this.locale, 'done')}</button>
      </div>
    </div>`;
  }
}
