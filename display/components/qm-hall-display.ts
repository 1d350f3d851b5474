/**
 * `<qm-hall-display>`: the waiting hall's screen. Owns the connection to
 * /public and the voice; children only get properties.
 *
 * Layout: landscape (1920×1080) puts the current call beside the history;
 * portrait (1080×1920) stacks them. Everything is sized in viewport units.
 *
 * Properties:
 * - `params` (DisplayParams): from the URL (see display/README.md)
 *
 * Attributes set for diagnostics and tests: `data-status` (connection),
 * `data-seq` (last applied seq), `data-ready`.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { CallRecord } from '../../protocol/realtime';
import { DisplayAnnouncer } from '../display-announcer';
import { buildFilter, callMatches, waitingRows, type DisplayFilter } from '../display-filter';
import { parseDisplayParams, type DisplayParams } from '../display-params';
import { en, vi } from '../i18n';
import { LiveController } from '../../live/live-controller';
import { displayChannel } from '../lib/display-live';
import type { QueueView } from '../lib/queue-reducer';
import { priorityOf, serviceOf } from '../view-helpers';
import { displayTheme } from './theme';

export class QmHallDisplay extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        display: grid;
        width: 100vw;
        height: 100vh;
        overflow: hidden;
        background: var(--qm-bg);
        grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr);
        grid-template-rows: auto minmax(0, 1fr) auto auto;
        grid-template-areas:
          'header header'
          'spotlight history'
          'waiting waiting'
          'ticker ticker';
      }
      qm-display-header {
        grid-area: header;
      }
      qm-call-spotlight {
        grid-area: spotlight;
        margin: 1.5vmin 0.75vw 1.5vmin 1.5vw;
      }
      qm-call-history {
        grid-area: history;
        margin: 1.5vmin 1.5vw 1.5vmin 0.75vw;
      }
      qm-waiting-board {
        grid-area: waiting;
        margin: 0 1.5vw 1.5vmin;
      }
      qm-notice-ticker {
        grid-area: ticker;
      }
      .waiting-title {
        display: none;
      }
      @media (orientation: portrait) {
        :host {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto minmax(0, 1.1fr) minmax(0, 1fr) auto auto;
          grid-template-areas: 'header' 'spotlight' 'history' 'waiting' 'ticker';
        }
        qm-call-spotlight {
          margin: 1.5vmin 2vw 1vmin;
        }
        qm-call-history {
          margin: 0 2vw 1vmin;
        }
        qm-waiting-board {
          margin: 0 2vw 1vmin;
        }
      }
      .blank {
        grid-column: 1 / -1;
        grid-row: 2 / 4;
        display: flex;
        align-items: center;
        justify-content: center;
        font-size: 4vmin;
        color: var(--qm-muted);
      }
    `,
  ];

  @property({ attribute: false }) params: DisplayParams = parseDisplayParams('', { voice: true, history: 6 });

  private announcer: DisplayAnnouncer | undefined;
  private readonly portrait = window.matchMedia('(orientation: portrait)');
  private readonly onOrientation = () => this.requestUpdate();

  private readonly queue = new LiveController(this, displayChannel(), {
    onNews: (call) => this.onFreshCall(call),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The whole screen is the page's main content (a landmark screen readers and axe look for).
    if (!this.hasAttribute('role')) this.setAttribute('role', 'main');
    this.portrait.addEventListener('change', this.onOrientation);
    if (this.params.voice) {
      this.announcer = new DisplayAnnouncer({ pack: this.params.pack, preferSpeechSynthesis: this.params.speech });
      // A voice that fails to load leaves a silent but working screen.
      this.announcer.start().catch(() => undefined);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.portrait.removeEventListener('change', this.onOrientation);
    this.announcer?.dispose();
    this.announcer = undefined;
  }

  private filter(view: QueueView): DisplayFilter {
    // Cheap (a handful of services and counters), and always current after an admin change.
    return buildFilter(this.params, view.services, view.counters);
  }

  private onFreshCall(call: CallRecord): void {
    const view = this.queue.view;
    if (!this.announcer || !view.center || !callMatches(this.filter(view), call)) return;
    this.announcer.announce(call, view.center);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.dataset.status = this.queue.status;
    this.dataset.seq = String(this.queue.view.seq);
    this.dataset.ready = String(this.queue.view.ready);
  }

  override render() {
    const view = this.queue.view;
    const english = this.params.lang === 'both';
    const center = view.center;
    const portrait = this.portrait.matches;
    const mark = html`<qm-connection-mark .status=${this.queue.status} ?english=${english}></qm-connection-mark>`;
    if (!view.ready || !center) {
      return html`<qm-display-header></qm-display-header>
        <div class="blank">${vi.connecting}${english ? html`&nbsp;<span class="en">${en.connecting}</span>` : nothing}</div>
        ${mark}`;
    }
    const filter = this.filter(view);
    const calls = view.calls.filter((c) => callMatches(filter, c));
    const current = calls[0] ?? null;
    const service = current ? serviceOf(view, current.ticket.serviceId) : undefined;
    const priority = current ? priorityOf(view, current.ticket.priorityId) : undefined;
    const rows = waitingRows(filter, view.services, view.counters, view.stats);
    return html`
      <qm-display-header
        .centerName=${center.name}
        .centerNameEn=${center.nameEn}
        .timeZone=${center.timeZone}
        .serverOffsetMs=${view.serverOffsetMs}
        ?english=${english}
      ></qm-display-header>
      <qm-call-spotlight
        .call=${current}
        .serviceName=${service?.name ?? ''}
        .serviceNameEn=${service?.nameEn ?? ''}
        .priorityName=${priority?.name ?? ''}
        .priorityNameEn=${priority?.nameEn ?? ''}
        ?english=${english}
      ></qm-call-spotlight>
      <qm-call-history .calls=${calls.slice(1, 1 + this.params.history)} .timeZone=${center.timeZone} ?english=${english}></qm-call-history>
      <qm-waiting-board .rows=${rows} .columns=${portrait ? 2 : Math.min(4, Math.max(1, rows.length))} ?english=${english}></qm-waiting-board>
      <qm-notice-ticker .text=${center.noticeLine} .textEn=${center.noticeLineEn} ?english=${english}></qm-notice-ticker>
      ${mark}
    `;
  }
}
