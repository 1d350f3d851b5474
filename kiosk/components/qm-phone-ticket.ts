/**
 * qm-phone-ticket — the citizen's phone page (/t/:ticketId): the ticket, live position
 * and ETA, and a clear "Đến lượt bạn — mời đến quầy số 3" when called (vibrating
 * where the phone supports it). No login, no personal data: the unguessable ticket
 * id in the QR code is the only key.
 *
 * @attr server    origin of the queue server; empty = this page's origin
 * @attr ticket-id the ticket to follow; default: the last segment of the page's path
 * @attr lang      start language ('vi' | 'en', native attribute); else ?lang=en; else Vietnamese
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublicClientToServer, PublicServerToClient, PublicSnapshot, TicketUpdate } from '../../protocol/realtime';
import { withoutView } from '../../live/live-channel';
import { LiveController } from '../../live/live-controller';
import type { TicketView } from '../../protocol/schemas';
import { ApiError, KioskApi } from '../lib/api';
import { t, toLang, type Lang, type MessageKey } from '../lib/i18n';
import { waitText } from '../lib/wait-text';
import type { EtaRange } from '../../protocol/wait-estimate';
import { base } from './shared-styles';

/** What the phone shows, merged from the REST view and the socket's updates. */
export interface PhoneTicket {
  number: string;
  serviceName: string;
  serviceNameEn: string;
  status: TicketView['status'];
  waitingAhead: number;
  etaMinutes: number | null;
  etaRange: EtaRange | null;
  counterNumber: number | null;
  /** Changes on every call and recall: each one vibrates once. */
  callKey: string | null;
}

export function fromView(v: TicketView): PhoneTicket {
  return {
    number: v.number,
    serviceName: v.serviceName,
    serviceNameEn: v.serviceNameEn,
    status: v.status,
    waitingAhead: v.waitingAhead,
    etaMinutes: v.etaMinutes,
    etaRange: v.etaRange ?? null,
    counterNumber: v.counterNumber,
    callKey: v.calledAt ? `${v.calledAt}:${v.recallCount}` : null,
  };
}

/**
 * The REST view arriving after the socket's first update: the update is the newer word on
 * the ticket's place and status, but only the view carries the service's name.
 */
export function mergeView(current: PhoneTicket | null, v: TicketView): PhoneTicket {
  if (!current) return fromView(v);
  return { ...current, serviceName: v.serviceName, serviceNameEn: v.serviceNameEn };
}

export function applyUpdate(p: PhoneTicket, u: TicketUpdate): PhoneTicket {
  return {
    ...p,
    number: u.ticket.number,
    status: u.ticket.status,
    waitingAhead: u.waitingAhead,
    etaMinutes: u.etaMinutes,
    etaRange: u.etaRange ?? null,
    counterNumber: u.counter?.number ?? p.counterNumber,
    callKey: u.ticket.calledAt ? `${u.ticket.calledAt}:${u.ticket.recallCount}` : null,
  };
}

export class QmPhoneTicket extends LitElement {
  @property() server = '';
  @property({ attribute: 'ticket-id' }) ticketId = '';

  @state() private locale: Lang = 'vi';
  @state() private ticket: PhoneTicket | null = null;
  @state() private notFound = false;

  /** The /public link, only for `ticket:watch`: the phone keeps no queue view. */
  private readonly live = new LiveController<null, PublicSnapshot, PublicServerToClient, PublicClientToServer>(this, withoutView('/public'), {
    manual: true,
    connectTimeoutMs: 5000,
    answerTimeoutMs: 5000,
    // Rooms do not survive a reconnect: watch again every time.
    onConnect: () => this.watch(),
  });
  private watchedId = '';
  private lastCallKey: string | null = null;
  private api = new KioskApi('', () => this.locale);
  private retry: ReturnType<typeof setTimeout> | undefined;

  static override styles = [
    base,
    css`
      :host {
        max-width: 560px;
        margin: 0 auto;
        padding: 16px;
      }
      .top {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 12px;
      }
      h1 {
        font-size: 22px;
        margin: 0;
        color: var(--_muted);
      }
      .lang {
        min-height: 48px;
        min-width: 48px;
        padding: 4px 14px;
        font-size: 18px;
        background: transparent;
        border: 2px solid var(--_primary);
        color: var(--_primary);
      }
      .number {
        font-size: 96px;
        font-weight: 800;
        text-align: center;
        margin: 12px 0 0;
        line-height: 1;
      }
      .service {
        text-align: center;
        font-size: 24px;
        font-weight: 700;
        margin: 8px 0 20px;
      }
      .box {
        border-radius: 16px;
        padding: 20px;
        font-size: 24px;
        line-height: 1.35;
        background: #e7f0fa;
        text-align: center;
        /* Lines of even length: "khoảng 25–70 phút" never leaves "phút" alone on a line. */
        text-wrap: balance;
      }
      .box strong {
        display: block;
        font-size: 30px;
      }
      .called {
        background: #0d6b2f;
        color: #fff;
        font-size: 32px;
        font-weight: 800;
        animation: pulse 1.2s ease-in-out 3;
      }
      .ended {
        background: #eceff3;
      }
      .note {
        font-size: 18px;
        color: var(--_muted);
        text-align: center;
      }
      .reconnecting {
        background: var(--_warn-bg);
        color: var(--_warn-ink);
        padding: 10px 14px;
        border-radius: 12px;
        font-size: 18px;
      }
      @keyframes pulse {
        50% {
          transform: scale(1.04);
        }
      }
    `,
  ];

  constructor() {
    super();
    this.live.listen('ticket:updated', (u) => this.applyTicketUpdate(u));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Vietnamese first; English when the kiosk that issued the ticket was in English (?lang=en).
    this.locale = toLang(this.lang || new URLSearchParams(location.search).get('lang'));
    const id = this.ticketId || decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
    const base = this.server.replace(/\/+$/, '');
    this.api = new KioskApi(base, () => this.locale);
    void this.load(id);
    this.watchedId = id;
    this.live.start({ server: base });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retry);
  }

  private watch() {
    this.live.connection?.ask('ticket:watch', this.watchedId).then(
      (reply) => {
        if (reply.ok) this.applyTicketUpdate(reply.data);
        else if (reply.code === 'TICKET_NOT_FOUND') this.notFound = true;
      },
      () => undefined, // unanswered: the next reconnect watches again
    );
  }

  private async load(id: string) {
    try {
      const view = await this.api.get<TicketView>(`/api/tickets/${encodeURIComponent(id)}`);
      this.ticket = mergeView(this.ticket, view);
      this.noteCall();
    } catch (error) {
      if (error instanceof ApiError) this.notFound = true;
      else this.retry = setTimeout(() => void this.load(id), 3000);
    }
  }

  private applyTicketUpdate(u: TicketUpdate) {
    const current = this.ticket ?? { serviceName: '', serviceNameEn: '', number: u.ticket.number, status: u.ticket.status, waitingAhead: 0, etaMinutes: null, etaRange: null, counterNumber: null, callKey: null };
    this.ticket = applyUpdate(current, u);
    this.noteCall();
  }

  private noteCall() {
    const tk = this.ticket;
    if (!tk || tk.status !== 'called' || !tk.callKey || tk.callKey === this.lastCallKey) return;
    this.lastCallKey = tk.callKey;
    if ('vibrate' in navigator) navigator.vibrate([400, 200, 400, 200, 800]);
  }

  override render() {
    const L = (key: MessageKey, params?: Record<string, string | number>) => t(this.locale, key, params);
    const other: Lang = this.locale === 'vi' ? 'en' : 'vi';
    return html`<header class="top" lang=${this.locale}>
        <h1>${L('phoneTitle')}</h1>
        <button class="lang" lang=${other} @click=${() => (this.locale = other)}>${other === 'en' ? 'English' : 'Tiếng Việt'}</button>
      </header>
      <main>
        ${this.live.status === 'offline' ? html`<p class="reconnecting" role="status">${L('phoneReconnecting')}</p>` : null}
        ${this.notFound && !this.ticket ? html`<p class="box ended" role="alert">${L('phoneNotFound')}</p>` : this.renderTicket(L)}
      </main>`;
  }

  private renderTicket(L: (key: MessageKey, params?: Record<string, string | number>) => string) {
    const tk = this.ticket;
    if (!tk) return html`<p class="note" role="status">${L('loading')}</p>`;
    const service = this.locale === 'en' ? tk.serviceNameEn || tk.serviceName : tk.serviceName;
    return html`<p class="number" data-testid="number">${tk.number}</p>
      <p class="service">${service}</p>
      <div aria-live="assertive" data-testid="status">${this.renderStatus(tk, L)}</div>
      ${tk.status === 'waiting' ? html`<p class="note">${L('phoneKeepOpen')}</p>` : null}`;
  }

  private renderStatus(tk: PhoneTicket, L: (key: MessageKey, params?: Record<string, string | number>) => string) {
    const counter = tk.counterNumber ?? '?';
    switch (tk.status) {
      case 'waiting':
        return html`<div class="box">
          <strong>${tk.waitingAhead === 0 ? L('phoneNext') : L('phoneAheadCount', { n: tk.waitingAhead })}</strong>
          <span data-testid="eta">${waitText(this.locale, 'phone', tk.etaMinutes, tk.etaRange)}</span>
        </div>`;
      case 'called':
        return html`<div class="box called" role="alert">${L('phoneCalled', { counter })}</div>`;
      case 'serving':
        return html`<div class="box">${L('phoneServing', { counter })}</div>`;
      case 'done':
        return html`<div class="box ended">${L('phoneDone')}</div>`;
      case 'no-show':
        return html`<div class="box ended">${L('phoneNoShow')}</div>`;
      case 'cancelled':
        return html`<div class="box ended">${L('phoneCancelled')}</div>`;
    }
  }
}
