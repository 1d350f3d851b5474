/**
 * `<qm-counter-console>`: one counter's working screen. A big "call next"
 * button, the held ticket with its timers, actions with keyboard shortcuts, and
 * the queue of each of the counter's services.
 *
 * Every command names the ticket it acts on (call-next: the ticket the screen
 * believes the counter holds, plus an Idempotency-Key), and only one command is
 * in flight at a time: a double click, a second tab or a stale page cannot act
 * twice — the server answers a conflict, which is shown, and the view is reloaded.
 *
 * A ticket that came from a booking shows "Đặt lịch 09:30 · mã K7M2QX" (and the citizen's name when the center
 * lets officers see it), looked up once per ticket with `GET /api/appointments/by-ticket/:id` (404: a walk-in).
 *
 * "In lại phiếu" (I) prints the held ticket's slip again on the printer that
 * printed it; it changes nothing in the queue, so a refusal is only shown.
 *
 * @property me - signed-in account
 * @property view - live staff view
 * @property connection - the /staff connection (resync, server clock)
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StaffCounterView, StaffTicket } from '../../protocol/realtime';
import type { CounterCommandReply as CommandReply, PrintInfo, TicketView } from '../../protocol/schemas';
import { api, ApiError } from '../lib/api';
import { bookingParts, type OfficerAppointment } from '../lib/appointments';
import { randomId } from '../../protocol/random-id';
import type { Me } from '../lib/events';
import { clock } from '../lib/format';
import { DEFAULT_TIME_ZONE, formatLocalTime } from '../../protocol/local-time';
import { nameOf, t } from '../lib/i18n';
import { isPrinterStatus, statusTone } from '../lib/printers';
import { actionForKey, SHORTCUTS, type CounterAction } from '../lib/shortcuts';
import type { StaffConnection } from '../lib/staff-connection';
import { callableAt, counterQueues, heldAllows, type StaffView } from '../lib/staff-model';
import type { TicketCommand } from '../../protocol/ticket-lifecycle';
import type { DialogKind } from './qm-counter-dialog';
import { counterStyles } from './qm-counter-console.styles';
import { stateColours, theme } from './theme';

const STORAGE_KEY = 'qm.console.counterId';
/** Answers after which the screen's picture of the counter was wrong: reload it. */
const CONFLICTS = new Set(['STALE_STATE', 'TICKET_NOT_AT_COUNTER', 'INVALID_TRANSITION', 'TICKET_NOT_WAITING', 'TICKET_NOT_FOUND', 'COUNTER_BUSY', 'COUNTER_PAUSED', 'COUNTER_NOT_PAUSED', 'QUEUE_EMPTY']);

export class QmCounterConsole extends LitElement {
  static override styles = [theme, stateColours, counterStyles];

  @property({ attribute: false }) me: Me | null = null;
  @property({ attribute: false }) view: StaffView | null = null;
  @property({ attribute: false }) connection: StaffConnection | null = null;
  @state() private counterId: string | null = null;
  @state() private busy = false;
  @state() private message: { text: string; error: boolean } | null = null;
  @state() private dialog: DialogKind | null = null;
  /** Full record of the held ticket (start time, note…), which the live view does not carry. */
  @state() private detail: TicketView | null = null;
  @state() private now = Date.now();
  /** The booking behind the held ticket (null: a walk-in), once known. */
  @state() private booking: { ticketId: string; appointment: OfficerAppointment | null } | null = null;
  /** The ticket whose booking was asked for last: asked once per ticket, not on every render. */
  private bookingAsked: string | null = null;
  /** Kept across a failed network attempt so pressing again retries the same intent. */
  private pendingCallKey: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onKeyDown = (e: KeyboardEvent) => this.keyDown(e);

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.now = Date.now()), 1000);
    window.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    window.removeEventListener('keydown', this.onKeyDown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('me') || changed.has('view')) && this.counterId === null && this.view?.ready) {
      // An account bound to a counter works there; otherwise the counter this browser last used.
      const remembered = localStorage.getItem(STORAGE_KEY);
      const bound = this.me?.counterId && this.view.counters.some((c) => c.id === this.me!.counterId) ? this.me.counterId : null;
      const usable = remembered && this.view.counters.some((c) => c.id === remembered && c.active && (!c.staffId || c.staffId === this.me?.id || this.me?.role !== 'staff'));
      this.counterId = bound ?? (usable ? remembered : null);
    }
  }

  protected override updated(): void {
    const held = this.counter?.currentTicket ?? null;
    if (!held) {
      if (this.detail) this.detail = null;
    } else if (!this.detail || this.detail.id !== held.id || this.detail.status !== held.status || this.detail.recallCount !== held.recallCount) {
      void this.loadDetail(held);
    }
    if (held && this.bookingAsked !== held.id) {
      this.bookingAsked = held.id;
      void this.loadBooking(held.id);
    }
  }

  private async loadBooking(ticketId: string) {
    let appointment: OfficerAppointment | null = null;
    try {
      appointment = await api<OfficerAppointment>(`/api/appointments/by-ticket/${encodeURIComponent(ticketId)}`);
    } catch {
      // 404: a walk-in. Any other failure shows nothing either: the line is a help, not needed to work the ticket.
    }
    if (this.bookingAsked === ticketId) this.booking = { ticketId, appointment };
  }

  private get counter(): StaffCounterView | null {
    return this.view?.counters.find((c) => c.id === this.counterId) ?? null;
  }

  private serverNow(): number {
    return this.now + (this.view?.serverOffsetMs ?? 0);
  }

  private async loadDetail(held: StaffTicket) {
    const expected = held.id;
    try {
      const detail = await api<TicketView>(`/api/tickets/${encodeURIComponent(held.id)}`);
      if (this.counter?.currentTicket?.id === expected) this.detail = detail;
    } catch {
      // The live view still shows the number; timers fall back to what it carries.
    }
  }

  override render() {
    const view = this.view;
    if (!view?.ready) return html`<p class="muted">…</p>`;
    const counter = this.counter;
    if (!counter) {
      return html`<qm-counter-picker .counters=${view.counters} .me=${this.me} @qm-counter-picked=${(e: CustomEvent<{ counterId: string }>) => this.pick(e.detail.counterId)}></qm-counter-picker>`;
    }
    return html`<div class="layout">
        <section class="main" aria-labelledby="counter-title">
          <div class="top">
            <h1 id="counter-title">${counter.name}</h1>
            <span class="served" data-testid="served-today">${t('counter.servedToday')}: <strong>${counter.servedToday}</strong></span>
            ${this.me?.counterId ? null : html`<button class="small" @click=${() => this.pick(null)}>${t('pick.change')}</button>`}
          </div>
          ${this.renderHeld(counter)} ${this.renderActions(counter)}
          <div class="message" role="status" aria-live="polite">
            ${this.message ? html`<p class="toast ${this.message.error ? 'error' : ''}" data-testid="message">${this.message.text}</p>` : null}
          </div>
        </section>
        <aside class="side">${this.renderQueues(counter)}</aside>
      </div>
      ${this.renderShortcuts()} ${this.dialog ? this.renderDialog(counter) : null}`;
  }

  private renderHeld(counter: StaffCounterView) {
    const held = counter.currentTicket;
    if (counter.state.paused) {
      return html`<div class="held paused card" data-testid="held">
        <div class="big">${t('counter.paused')}</div>
        <div>${t('counter.pausedReason', { reason: counter.state.pauseReason ?? '' })}</div>
      </div>`;
    }
    if (!held) {
      return html`<div class="held card" data-testid="held"><div class="none">${t('counter.none')}</div><div class="muted">${t('counter.noneHint')}</div></div>`;
    }
    const d = this.detail?.id === held.id ? this.detail : null;
    const now = this.serverNow();
    const service = this.view!.services.find((s) => s.id === held.serviceId);
    const priority = held.priorityId ? this.view!.priorities.find((p) => p.id === held.priorityId) : undefined;
    const required = this.view!.center?.recallsBeforeNoShow ?? 0;
    const waited = (d?.firstCalledAt ?? held.calledAt ?? now) - held.issuedAt;
    const tz = this.view!.center?.timeZone ?? DEFAULT_TIME_ZONE;
    const booked = this.booking?.ticketId === held.id ? this.booking.appointment : null;
    return html`<div class="held card ${held.status}" data-testid="held" data-status=${held.status}>
      <div class="row">
        <div class="number" data-testid="held-number">${held.number}</div>
        <div class="info">
          <div class="status">${t(held.status === 'serving' ? 'counter.status.serving' : 'counter.status.called')}</div>
          <div>${service ? nameOf(service) : ''} ${priority ? html`<span class="badge priority">★ ${t('counter.priority')}: ${nameOf(priority)}</span>` : null}</div>
          ${booked ? this.renderBooking(booked) : null}
          <div class="muted">${t('counter.issuedAt', { time: formatLocalTime(held.issuedAt, tz) })}</div>
          ${d?.note ? html`<div class="note">${t('counter.note', { note: d.note })}</div>` : null}
        </div>
        <button class="reprint" data-action="reprint" ?disabled=${this.busy} @click=${() => this.run('reprint')}>
          ${t('counter.reprint')} <kbd>${SHORTCUTS.find((s) => s.action === 'reprint')!.key}</kbd>
        </button>
      </div>
      <dl class="timers">
        <div><dt>${t('counter.waited')}</dt><dd>${clock(waited)}</dd></div>
        ${held.status === 'serving'
          ? html`<div><dt>${t('counter.serving')}</dt><dd data-testid="serving-time">${clock(now - (d?.startedAt ?? held.calledAt ?? now))}</dd></div>`
          : html`<div><dt>${t('counter.sinceCall')}</dt><dd data-testid="since-call">${clock(now - (held.calledAt ?? now))}</dd></div>`}
        ${held.status === 'called' ? html`<div><dt>${t('counter.recall')}</dt><dd>${t('counter.recalls', { count: held.recallCount, required })}</dd></div>` : null}
      </dl>
    </div>`;
  }

  private renderBooking(booked: OfficerAppointment) {
    const parts = bookingParts(booked, { slot: (time) => t('counter.booking', { time }), code: (code) => t('counter.bookingCode', { code }) });
    return html`<div class="booking" data-testid="held-booking">${parts.map((p, i) => html`${i ? ' · ' : ''}<span>${p}</span>`)}</div>`;
  }

  private renderActions(counter: StaffCounterView) {
    const held = counter.currentTicket;
    const paused = counter.state.paused;
    const can = (command: TicketCommand) => heldAllows(counter, command);
    const required = this.view!.center?.recallsBeforeNoShow ?? 0;
    const noShowReady = can('no-show') && held!.recallCount >= required;
    const b = (action: CounterAction, label: string, enabled: boolean, cls = '') =>
      html`<button class=${cls} data-action=${action} ?disabled=${!enabled || this.busy} @click=${() => this.run(action)}>
        ${label} <kbd>${SHORTCUTS.find((s) => s.action === action)!.key}</kbd>
      </button>`;
    return html`<div class="actions">
      ${b('callNext', t('counter.callNext'), !paused, 'primary call-next')}
      <div class="grid">
        ${b('recall', t('counter.recall'), can('recall'))} ${b('start', t('counter.start'), can('start'))} ${b('complete', t('counter.complete'), can('complete'), 'ok')}
        <span class="noshow" title=${noShowReady || !can('no-show') ? '' : t('counter.noShowAfter', { required })}>${b('noShow', t('counter.noShow'), noShowReady, 'danger')}</span>
        ${b('skip', t('counter.skip'), can('requeue'))} ${b('transfer', t('counter.transfer'), can('transfer'))} ${b('callSpecific', t('counter.callSpecific'), !paused)}
        ${paused ? b('pause', t('counter.resume'), true, 'primary') : b('pause', t('counter.pause'), !held)}
      </div>
    </div>`;
  }

  private renderQueues(counter: StaffCounterView) {
    const now = this.serverNow();
    return html`<h2>${t('counter.queues')}</h2>
      ${counterQueues(this.view!, counter).map(({ service, stats, next }) => {
        const oldest = stats?.oldestQueuedAt ? now - stats.oldestQueuedAt : null;
        const late = oldest !== null && oldest > service.targetWaitMinutes * 60_000;
        return html`<div class="queue card" data-service=${service.id}>
          <div class="qhead">
            <strong>${service.prefix ? `${service.prefix} · ` : ''}${nameOf(service)}</strong>
            <span class="count" data-testid="waiting-count">${stats?.waiting ?? 0}</span>
          </div>
          <div class="muted small-text">
            ${stats?.waiting ? html`${t('counter.waiting')} · <span class=${late ? 'late' : ''}>${t('counter.oldest', { time: clock(oldest ?? 0) })}</span>` : t('counter.empty')}
            ${stats?.waitingPriority ? html` · <span class="badge priority">★ ${stats.waitingPriority}</span>` : null}
          </div>
          <div class="next">
            ${next.map(
              (tk) => html`<button class="chip ${tk.priorityId ? 'prio' : ''}" ?disabled=${this.busy || counter.state.paused} title=${t('counter.callSpecific')} @click=${() => this.callTicket(tk)}>
                ${tk.priorityId ? '★ ' : ''}${tk.number}
              </button>`,
            )}
          </div>
        </div>`;
      })}`;
  }

  private renderShortcuts() {
    return html`<section class="shortcuts" aria-label=${t('counter.shortcuts')}>
      <strong>${t('counter.shortcuts')}:</strong>
      ${SHORTCUTS.map((s) => html`<span><kbd>${s.key}</kbd> ${t(s.label)}</span>`)}
      <span><kbd>Esc</kbd> ${t('key.close')}</span>
    </section>`;
  }

  private renderDialog(counter: StaffCounterView) {
    const view = this.view!;
    return html`<qm-counter-dialog
      .kind=${this.dialog!}
      .number=${counter.currentTicket?.number ?? ''}
      .services=${view.services}
      .counters=${view.counters.filter((c) => c.id !== counter.id)}
      .callable=${callableAt(view, counter)}
      .priorities=${view.priorities}
      @qm-dialog-cancel=${() => (this.dialog = null)}
      @qm-dialog-submit=${(e: CustomEvent<Record<string, string>>) => this.dialogDone(counter, e.detail)}
    ></qm-counter-dialog>`;
  }

  private pick(counterId: string | null) {
    if (counterId) localStorage.setItem(STORAGE_KEY, counterId);
    else localStorage.removeItem(STORAGE_KEY);
    this.counterId = counterId;
    this.message = null;
  }

  private keyDown(e: KeyboardEvent) {
    if (this.dialog || !this.counter) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const action = actionForKey({ key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, repeat: e.repeat, targetTag: target?.tagName ?? '' });
    if (!action) return;
    e.preventDefault();
    void this.run(action);
  }

  /** The keyboard and the buttons share this: the same rules decide what is allowed. */
  private async run(action: CounterAction) {
    const counter = this.counter;
    if (!counter || this.busy) return;
    const held = counter.currentTicket;
    const paused = counter.state.paused;
    switch (action) {
      case 'callNext': {
        if (paused) return;
        this.pendingCallKey ??= randomId();
        const key = this.pendingCallKey;
        await this.command(counter, 'call-next', { expectedCurrentTicketId: held?.id ?? null }, { 'idempotency-key': key }, (r) => t('counter.called', { number: r.ticket?.number ?? '' }));
        return;
      }
      case 'recall':
      case 'start':
      case 'skip':
        // "skip" is the console's name (and route) for the requeue command.
        if (held && heldAllows(counter, action === 'skip' ? 'requeue' : action)) await this.command(counter, action, { ticketId: held.id });
        return;
      case 'complete':
        if (held && heldAllows(counter, 'complete')) await this.command(counter, 'complete', { ticketId: held.id }, {}, () => t('counter.done', { number: held.number }));
        return;
      case 'noShow':
        if (held && heldAllows(counter, 'no-show')) await this.command(counter, 'no-show', { ticketId: held.id }, {}, () => t('counter.noShowDone', { number: held.number }));
        return;
      case 'transfer':
        if (held && heldAllows(counter, 'transfer')) this.dialog = 'transfer';
        return;
      case 'pause':
        if (paused) await this.command(counter, 'resume', {});
        else if (!held) this.dialog = 'pause';
        return;
      case 'callSpecific':
        if (!paused) this.dialog = 'call';
        return;
      case 'reprint':
        if (held) await this.reprint(held);
        return;
    }
  }

  private async reprint(held: StaffTicket) {
    this.busy = true;
    this.message = null;
    try {
      const info = await api<PrintInfo>(`/api/tickets/${encodeURIComponent(held.id)}/reprint`, { method: 'POST' });
      const status = info.printerStatus;
      // Queued behind a stopped printer: say why the slip is not coming out yet.
      const stopped = isPrinterStatus(status) && statusTone(status) === 'bad' ? t(`printer.${status}`) : null;
      this.message = { text: stopped ? t('counter.reprintedWaiting', { number: held.number, status: stopped }) : t('counter.reprinted', { number: held.number }), error: false };
    } catch (err) {
      // Nothing in the queue changed, so there is nothing to reload: the server's reason is enough.
      this.message = { text: err instanceof Error ? err.message : String(err), error: true };
    } finally {
      this.busy = false;
    }
  }

  private async callTicket(ticket: StaffTicket) {
    const counter = this.counter;
    if (!counter || this.busy) return;
    await this.command(counter, 'call', { ticketId: ticket.id, expectedCurrentTicketId: counter.currentTicket?.id ?? null }, { 'idempotency-key': randomId() }, () =>
      t('counter.called', { number: ticket.number }),
    );
  }

  private async dialogDone(counter: StaffCounterView, values: Record<string, string>) {
    const kind = this.dialog;
    this.dialog = null;
    const held = counter.currentTicket;
    if (kind === 'pause') await this.command(counter, 'pause', { reason: values.reason });
    if (kind === 'transfer' && held) {
      await this.command(counter, 'transfer', { ticketId: held.id, toServiceId: values.toServiceId || null, toCounterId: values.toCounterId || null, note: values.note || null }, {}, () =>
        t('counter.transferred', { number: held.number }),
      );
    }
    if (kind === 'call') {
      const wanted = values.number.toUpperCase();
      const ticket = callableAt(this.view!, counter).find((x) => x.number === wanted);
      if (ticket) await this.callTicket(ticket);
      else this.message = { text: t('call.notFound', { number: wanted }), error: true };
    }
  }

  private async command(counter: StaffCounterView, path: string, body: object, headers: Record<string, string> = {}, success?: (r: CommandReply) => string) {
    this.busy = true;
    this.message = null;
    try {
      const reply = await api<CommandReply>(`/api/counters/${encodeURIComponent(counter.id)}/${path}`, { method: 'POST', body, headers });
      if (path === 'call-next') this.pendingCallKey = null;
      this.connection?.patchCounter(reply.counter);
      if (reply.ticket && reply.counter.currentTicket?.id === reply.ticket.id) this.detail = reply.ticket;
      if (success) this.message = { text: success(reply), error: false };
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
      // A refusal settles the intent; only a lost answer may be retried with the same key.
      if (path === 'call-next' && e.code !== 'NETWORK') this.pendingCallKey = null;
      this.message = { text: e.message, error: true };
      if (CONFLICTS.has(e.code)) await this.connection?.resync();
    } finally {
      this.busy = false;
    }
  }
}
