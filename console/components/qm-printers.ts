/**
 * `<qm-printers>`: the director's printer screen. Each printer's status comes
 * live from `printer:status` (through the /staff view); its recent jobs are
 * polled, because the server pushes no event per job. A job can be printed
 * again, and a simulated printer's job opened to see the slip it printed. Today's
 * tickets whose slip never printed (job failed or expired) are listed on their own,
 * each with a reprint button.
 *
 * @property view - live staff view (printer statuses, center time zone)
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { UnprintedTicket } from '../../protocol/realtime';
import type { TicketView } from '../../protocol/schemas';
import { api } from '../lib/api';
import { DEFAULT_TIME_ZONE, formatLocalDateTimeSeconds } from '../../protocol/local-time';
import { t } from '../lib/i18n';
import { jobTone, printerName, statusTone, unknownTicketIds, withLiveStatus, type PrintJob, type PrinterInfo } from '../lib/printers';
import type { StaffView } from '../lib/staff-model';
import { printersStyles } from './qm-printers.styles';
import { stateColours, theme } from './theme';

/** Often enough to watch a job go from queued to printed, cheap for the server (50 jobs a printer at most). */
const REFRESH_MS = 5_000;

export class QmPrinters extends LitElement {
  static override styles = [theme, stateColours, printersStyles];

  @property({ attribute: false }) view: StaffView | null = null;
  @state() private listed: PrinterInfo[] | null = null;
  @state() private selected: { printerId: string; job: PrintJob } | null = null;
  @state() private message: { text: string; error: boolean } | null = null;
  @state() private reprinting = new Set<string>();
  /** Ticket id → number (null: could not be looked up). Numbers never change, so each is asked once. */
  private readonly numbers = new Map<string, string | null>();
  private loading: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.timer = setInterval(() => void this.load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A printer that comes back prints its waiting jobs: show that without waiting for the next poll.
    const before = changed.get('view') as StaffView | null | undefined;
    if (changed.has('view') && before && before.printers !== this.view?.printers) void this.load();
  }

  /** One request at a time; a call while one runs asks for one more afterwards (e.g. right after a reprint). */
  private load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.again = false;
        try {
          this.listed = await api<PrinterInfo[]>('/api/printers');
          this.keepSelection();
          void this.lookUpNumbers(this.listed);
        } catch (err) {
          this.message = { text: err instanceof Error ? err.message : String(err), error: true };
        }
      } while (this.again);
    })().finally(() => (this.loading = null));
    return this.loading;
  }

  /** The open job gets its fresh state; a job that fell off the list stays open as last seen. */
  private keepSelection() {
    const sel = this.selected;
    const fresh = sel && this.listed?.find((p) => p.id === sel.printerId)?.jobs.find((j) => j.id === sel.job.id);
    if (sel && fresh) this.selected = { printerId: sel.printerId, job: fresh };
  }

  private async lookUpNumbers(printers: PrinterInfo[]) {
    const ids = unknownTicketIds(printers, this.numbers);
    for (const id of ids) this.numbers.set(id, null);
    await Promise.all(
      ids.map(async (id) => {
        try {
          this.numbers.set(id, (await api<TicketView>(`/api/tickets/${encodeURIComponent(id)}`)).number);
        } catch {
          // Shown by id: the job is still usable without its number.
        }
      }),
    );
    if (ids.length) this.requestUpdate();
  }

  private reprint(printerId: string, job: PrintJob) {
    const url = `/api/printers/${encodeURIComponent(printerId)}/jobs/${encodeURIComponent(job.id)}/reprint`;
    // The job reprint answers null when the job has left the printer's history.
    return this.sendReprint(`${printerId}/${job.id}`, async () => Boolean(await api<PrintJob | null>(url, { method: 'POST' })));
  }

  private reprintTicket(u: UnprintedTicket) {
    return this.sendReprint(`ticket/${u.ticketId}`, async () => (await api(`/api/tickets/${encodeURIComponent(u.ticketId)}/reprint`, { method: 'POST' }), true));
  }

  /** One reprint at a time per job or ticket (`key`); `send` tells whether there was anything to reprint. */
  private async sendReprint(key: string, send: () => Promise<boolean>) {
    if (this.reprinting.has(key)) return;
    this.reprinting = new Set(this.reprinting).add(key);
    this.message = null;
    try {
      const sent = await send();
      this.message = sent ? { text: t('printers.reprinted'), error: false } : { text: t('printers.reprintGone'), error: true };
    } catch (err) {
      this.message = { text: err instanceof Error ? err.message : String(err), error: true };
    } finally {
      const rest = new Set(this.reprinting);
      rest.delete(key);
      this.reprinting = rest;
    }
    await this.load();
  }

  private get timeZone(): string {
    return this.view?.center?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  override render() {
    const printers = this.listed ? withLiveStatus(this.listed, this.view?.printers ?? []) : null;
    const sel = this.selected;
    return html`<div class="intro">
        <h1>${t('printers.title')}</h1>
        <span class="muted">${t('printers.hint')}</span>
      </div>
      <div class="message" role="status" aria-live="polite">
        ${this.message ? html`<p class="toast ${this.message.error ? 'error' : ''}" data-testid="message">${this.message.text}</p>` : null}
      </div>
      <div class="layout">
        <div>
          ${printers === null
            ? html`<p class="muted">${t('printers.loading')}</p>`
            : printers.length
              ? printers.map((p) => this.renderPrinter(p))
              : html`<p class="muted">${t('printers.none')}</p>`}
        </div>
        <aside class="card preview" aria-live="polite">
          <qm-print-preview
            data-testid="preview"
            .printerId=${sel?.printerId ?? ''}
            .job=${sel?.job ?? null}
            .simulator=${printers?.find((p) => p.id === sel?.printerId)?.simulator}
            .timeZone=${this.timeZone}
            @qm-preview-close=${() => (this.selected = null)}
          ></qm-print-preview>
        </aside>
      </div>`;
  }

  private renderPrinter(p: PrinterInfo) {
    const tone = statusTone(p.status);
    return html`<section class="card printer ${tone}" data-printer=${p.id} aria-labelledby="printer-${p.id}">
      <div class="phead">
        <h2 id="printer-${p.id}">${printerName(p.id)}</h2>
        <span class="muted id">${p.id}</span>
        <span class="badge status ${tone}" data-testid="printer-status" data-status=${p.status}>${t(`printer.${p.status}`)}</span>
        ${p.reason
          ? html`<span class="detail" data-testid="printer-reason">${t(`printer.reason.${p.reason}`)}</span>`
          : p.detail
            ? html`<span class="detail">${p.detail}</span>`
            : null}
      </div>
      ${p.unprinted?.length ? this.renderUnprinted(p.unprinted) : null}
      <h3>${t('printers.jobs')}</h3>
      ${p.jobs.length
        ? html`<table>
            <thead>
              <tr>
                <th class="w-time">${t('printers.col.time')}</th>
                <th class="w-kind">${t('printers.col.kind')}</th>
                <th class="w-ticket">${t('printers.col.ticket')}</th>
                <th class="w-state">${t('printers.col.state')}</th>
                <th class="num w-attempts">${t('printers.col.attempts')}</th>
                <th>${t('printers.col.error')}</th>
                <td class="w-act"></td>
              </tr>
            </thead>
            <tbody>
              ${p.jobs.map((j) => this.renderJob(p, j))}
            </tbody>
          </table>`
        : html`<p class="muted">${t('printers.noJobs')}</p>`}
    </section>`;
  }

  private renderUnprinted(list: UnprintedTicket[]) {
    return html`<div class="unprinted" data-testid="unprinted">
      <h3>${t('printers.unprinted')}</h3>
      <p class="muted">${t('printers.unprintedHint')}</p>
      <table>
        <thead>
          <tr>
            <th class="w-time">${t('printers.col.time')}</th>
            <th class="w-ticket">${t('printers.col.ticket')}</th>
            <th>${t('printers.col.ticketStatus')}</th>
            <th>${t('printers.col.reason')}</th>
            <td class="w-act"></td>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            (u) => html`<tr data-ticket=${u.ticketId}>
              <td class="time">${formatLocalDateTimeSeconds(u.createdAt, this.timeZone)}</td>
              <td class="ticket">${u.number}</td>
              <td>${t(`printers.ticket.${u.ticketStatus}`)}</td>
              <td class="err">${u.expiredReason ? t(`printers.expired.${u.expiredReason}`) : (u.error ?? t('printers.state.failed'))}</td>
              <td class="act">
                <button data-action="reprint-ticket" ?disabled=${this.reprinting.has(`ticket/${u.ticketId}`)} @click=${() => void this.reprintTicket(u)}>
                  ${t('printers.reprint')}
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderJob(p: PrinterInfo, j: PrintJob) {
    const open = () => (this.selected = { printerId: p.id, job: j });
    const isOpen = this.selected?.printerId === p.id && this.selected.job.id === j.id;
    const number = j.ticketId ? (this.numbers.get(j.ticketId) ?? j.ticketId.slice(0, 8)) : '–';
    return html`<tr
      data-job=${j.id}
      tabindex="0"
      aria-selected=${isOpen ? 'true' : 'false'}
      @click=${open}
      @keydown=${(e: KeyboardEvent) => {
        if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
        e.preventDefault();
        open();
      }}
    >
      <td class="time">${formatLocalDateTimeSeconds(j.createdAt, this.timeZone)}</td>
      <td>${t(`printers.kind.${j.kind}`)}</td>
      <td class="ticket" data-testid="job-ticket">${number}</td>
      <td><span class="badge ${jobTone(j.state)}" data-testid="job-state">${t(`printers.state.${j.state}`)}</span></td>
      <td class="num">${j.attempts}</td>
      <td class="err">
        ${j.resumed ? html`<span class="badge" data-testid="job-resumed">${t('printers.resumed')}</span>` : null}
        ${j.expiredReason ? t(`printers.expired.${j.expiredReason}`) : (j.error ?? '')}
      </td>
      <td class="act">
        <button
          data-action="reprint"
          ?disabled=${this.reprinting.has(`${p.id}/${j.id}`)}
          @click=${(e: Event) => {
            // The row's own click opens the preview; this button only prints.
            e.stopPropagation();
            void this.reprint(p.id, j);
          }}
        >
          ${t('printers.reprint')}
        </button>
      </td>
    </tr>`;
  }
}
