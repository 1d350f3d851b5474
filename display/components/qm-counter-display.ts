/**
 * `<qm-counter-display>`: the small screen above one counter: its number, what
 * it does and who works it, the ticket it is serving, or that it is waiting or paused.
 * Sized in viewport units, so 1280×400, 1024×600 or a full TV all work.
 *
 * Properties:
 * - `counterNumber` (number | null): from /display/counter/:number
 * - `params` (DisplayParams): `lang`, `voice` (off by default: the hall speaks), `pack`, `speech`
 *
 * Attributes set for diagnostics and tests: `data-status`, `data-seq`, `data-state`
 * ('serving' | 'called' | 'idle' | 'paused' | 'inactive' | 'unknown').
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CallRecord, CounterView } from '../../protocol/realtime';
import { DisplayAnnouncer } from '../display-announcer';
import { parseDisplayParams, type DisplayParams } from '../display-params';
import { format } from '../../protocol/i18n';
import { en, vi } from '../i18n';
import { LiveController } from '../../live/live-controller';
import { displayChannel } from '../lib/display-live';
import { counterByNumber, counterSubtitle, priorityOf, serviceOf } from '../view-helpers';
import { displayTheme } from './theme';

type CounterDisplayState = 'serving' | 'called' | 'idle' | 'paused' | 'inactive' | 'unknown';

export function counterDisplayState(counter: CounterView | undefined): CounterDisplayState {
  if (!counter) return 'unknown';
  if (!counter.active) return 'inactive';
  const ticket = counter.currentTicket;
  // A counter pausing with a ticket still held shows the ticket: the citizen is still there.
  if (ticket?.status === 'serving') return 'serving';
  if (ticket?.status === 'called') return 'called';
  return counter.state.paused ? 'paused' : 'idle';
}

export class QmCounterDisplay extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 0.9fr) minmax(0, 2fr);
        width: 100vw;
        height: 100vh;
        overflow: hidden;
        background: var(--qm-bg);
      }
      .id {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        background: var(--qm-panel-2);
        border-right: 0.8vmin solid var(--qm-number);
        padding: 3vh 2vw;
        text-align: center;
        min-width: 0;
      }
      .id h1 {
        margin: 0;
        font: inherit;
        display: flex;
        flex-direction: column;
        align-items: center;
      }
      .id .label {
        font-size: min(9vh, 4.5vw);
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      .id .label .en {
        display: block;
        font-size: 0.55em;
        text-transform: none;
        letter-spacing: 0;
      }
      .id .number {
        font-size: min(48vh, 20vw);
        font-weight: 800;
        line-height: 1;
        color: var(--qm-counter);
      }
      .id .subtitle {
        font-size: min(6vh, 2.4vw);
        color: var(--qm-muted);
        line-height: 1.2;
      }
      .id .staff {
        margin-top: 1.2vh;
        max-width: 100%;
        font-size: min(4.5vh, 2vw);
        line-height: 1.25;
        color: var(--qm-muted);
        overflow: hidden;
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
      }
      .main {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 1.5vh;
        padding: 3vh 3vw;
        text-align: center;
        min-width: 0;
        animation: arrive 2.4s ease-out 1;
      }
      /* A warm glow, dark enough that the amber number keeps at least 7:1 all through it. */
      @keyframes arrive {
        0% {
          background: #4a3800;
        }
        40% {
          background: #2c3a2c;
        }
        100% {
          background: var(--qm-bg);
        }
      }
      .main.quiet {
        animation: none;
      }
      .state {
        font-size: min(9vh, 4vw);
        font-weight: 700;
        color: var(--qm-muted);
        text-transform: uppercase;
      }
      .state .en {
        display: block;
        font-size: 0.6em;
        text-transform: none;
      }
      .ticket {
        font-size: min(42vh, 17vw);
        font-weight: 800;
        line-height: 1;
        color: var(--qm-number);
      }
      .service {
        font-size: min(8vh, 3.4vw);
        font-weight: 600;
      }
      .badge {
        display: inline-block;
        font-size: min(6.5vh, 2.8vw);
        font-weight: 700;
        padding: 0.1em 0.6em;
        border-radius: 0.4em;
        background: var(--qm-priority);
      }
      .paused .state {
        color: var(--qm-paused);
        font-size: min(16vh, 7vw);
      }
      .reason {
        font-size: min(9vh, 4vw);
      }
      .idle .state {
        font-size: min(10vh, 4.4vw);
        color: var(--qm-text);
        text-transform: none;
      }
      .waiting {
        font-size: min(7vh, 3vw);
        color: var(--qm-muted);
      }
      @media (prefers-reduced-motion: reduce) {
        .main {
          animation: none;
        }
      }
    `,
  ];

  @property({ type: Number }) counterNumber: number | null = null;
  @property({ attribute: false }) params: DisplayParams = parseDisplayParams('', { voice: false, history: 1 });

  private announcer: DisplayAnnouncer | undefined;
  private readonly queue = new LiveController(this, displayChannel(), { onNews: (call) => this.onFreshCall(call) });

  override connectedCallback(): void {
    super.connectedCallback();
    // The whole screen is the page's main content (a landmark screen readers and axe look for).
    if (!this.hasAttribute('role')) this.setAttribute('role', 'main');
    if (this.params.voice) {
      this.announcer = new DisplayAnnouncer({ pack: this.params.pack, preferSpeechSynthesis: this.params.speech });
      // A voice that fails to load leaves a silent but working screen.
      this.announcer.start().catch(() => undefined);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.announcer?.dispose();
    this.announcer = undefined;
  }

  private onFreshCall(call: CallRecord): void {
    const center = this.queue.view.center;
    if (this.announcer && center && call.counter.number === this.counterNumber) this.announcer.announce(call, center);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const counter = this.counterNumber === null ? undefined : counterByNumber(this.queue.view, this.counterNumber);
    this.dataset.status = this.queue.status;
    this.dataset.seq = String(this.queue.view.seq);
    this.dataset.state = this.queue.view.ready ? counterDisplayState(counter) : 'unknown';
  }

  override render() {
    const view = this.queue.view;
    const english = this.params.lang === 'both';
    const t = (key: keyof typeof vi) => html`${vi[key]}${english ? html`<span class="en">${en[key]}</span>` : nothing}`;
    const mark = html`<qm-connection-mark .status=${this.queue.status} ?english=${english}></qm-connection-mark>`;
    const counter = this.counterNumber === null ? undefined : counterByNumber(view, this.counterNumber);
    const idPanel = html`<div class="id">
      <h1>
        <span class="label">${t('counter')}</span>
        <span class="number tabular" data-testid="counter-number">${this.counterNumber ?? '–'}</span>
      </h1>
      ${counter ? html`<div class="subtitle two-lines">${counterSubtitle(counter.name, counter.number) || counter.name}</div>` : nothing}
      ${counter?.staffName
        ? html`<div class="staff" data-testid="counter-staff">${vi.staff}${english ? ` / ${en.staff}` : ''}: ${counter.staffName}</div>`
        : nothing}
    </div>`;
    if (!view.ready) return html`${idPanel}<div class="main quiet"><div class="state">${t('connecting')}</div></div>${mark}`;
    if (!counter) {
      return html`${idPanel}<div class="main quiet"><div class="state">${format(vi.counterNotFound, { number: this.counterNumber ?? '?' })}</div></div>${mark}`;
    }
    const state = counterDisplayState(counter);
    const ticket = counter.currentTicket;
    let main;
    if (ticket && (state === 'serving' || state === 'called')) {
      const service = serviceOf(view, ticket.serviceId);
      const priority = priorityOf(view, ticket.priorityId);
      // Keyed on the call time: a new call or a recall replays the arrival highlight.
      main = keyed(
        `${ticket.ref}@${ticket.calledAt}`,
        html`<div class="main ${state}" data-testid="counter-main" data-ticket=${ticket.number}>
          <div class="state">${t(state === 'serving' ? 'serving' : 'called')}</div>
          <div class="ticket tabular" data-testid="counter-ticket">${ticket.number}</div>
          ${priority || ticket.priorityId ? html`<div class="badge">★ ${vi.priority}${priority ? ` · ${priority.name}` : ''}</div>` : nothing}
          <div class="service">${service?.name ?? ''}${english && service ? html` <span class="en">· ${service.nameEn}</span>` : nothing}</div>
        </div>`,
      );
    } else if (state === 'paused') {
      main = html`<div class="main quiet paused" data-testid="counter-main">
        <div class="state">${t('paused')}</div>
        ${counter.state.pauseReason ? html`<div class="reason" data-testid="pause-reason">${counter.state.pauseReason}</div>` : nothing}
      </div>`;
    } else if (state === 'inactive') {
      main = html`<div class="main quiet" data-testid="counter-main"><div class="state">${t('counterInactive')}</div></div>`;
    } else {
      const waiting = view.stats.filter((s) => counter.serviceIds.includes(s.serviceId)).reduce((n, s) => n + s.waiting, 0);
      main = html`<div class="main quiet idle" data-testid="counter-main">
        <div class="state">${t('idle')}</div>
        <div class="waiting">${vi.waiting}: <b class="tabular">${waiting}</b>${english ? html` <span class="en">· ${en.waiting}</span>` : nothing}</div>
      </div>`;
    }
    return html`${idPanel}${main}${mark}`;
  }
}
