/**
 * qm-kiosk — the citizen kiosk: take a ticket in one tap (two with priority), look up
 * procedures, and see plainly when the server cannot be reached. Owns the connection
 * and one immutable state object that it replaces on every change and hands to the
 * screens as properties.
 *
 * Works full-screen (kiosk/index.html) or dropped into another page:
 *   <qm-kiosk server="https://hcc.example.gov.vn" kiosk-id="K1"></qm-kiosk>
 *
 * @attr server          origin of the queue server; empty = this page's origin
 * @attr kiosk-id        sent with tickets so the server prints on this kiosk's printer
 * @attr lang            'vi' (default) or 'en' at start (the native attribute); the citizen can switch
 * @attr idle-seconds    any screen returns home after this long untouched (default 60)
 * @attr confirm-seconds the ticket confirmation returns home after this long (default 45)
 * @attr hold-seconds    "Giữ màn hình" keeps the confirmation at most this long after the last touch (default 180)
 * @attr layout          'standard' or 'elderly-first' (priority groups first, large); empty = the center's setting
 * @fires qm-ticket-issued {ticketId, number} — a ticket the server confirmed is on screen
 * @cssprop --qm-primary, --qm-priority, --qm-lookup, --qm-font … (see shared-styles.ts)
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KioskLayout, PriorityCategory } from '../../protocol/domain';
import type { PrinterStatusView, PublicSnapshot } from '../../protocol/realtime';
import { LiveController } from '../../live/live-controller';
import { checklistPrintNote, printerProblem, type PrintNote } from '../lib/print-state';
import type { PrintInfo, TicketView } from '../../protocol/schemas';
import { ApiError, KioskApi } from '../lib/api';
import { emit } from '../lib/events';
import { DEFAULT_TIME_ZONE, formatLocalTime } from '../../protocol/local-time';
import { icon } from '../lib/icons';
import { IdleController } from '../lib/idle-controller';
import { KioskGuide } from '../lib/kiosk-guide';
import { TicketIssuer, type IssueChoice } from '../lib/issue';
import { CheckInClient, type CheckInRequest } from '../lib/check-in';
import { ScanBuffer, type Scan } from '../lib/scanner';
import { kioskChannel, type KioskLiveView } from '../lib/kiosk-live';
import { t, toLang, type Lang, type MessageKey } from '../lib/i18n';
import type { KioskService } from './qm-service-grid';
import { base } from './shared-styles';
import { kioskStyles } from './qm-kiosk.styles';
import { ClockController } from '../../display/lib/clock-controller';
import { ensureDevice, isActiveDevice } from '../../devices/lib/ensure-device';

export type Screen =
  | { name: 'home' }
  | { name: 'priority' }
  | { name: 'priority-service'; priorityId: string }
  | { name: 'issuing'; attempt: number }
  | { name: 'issued'; ticket: TicketView; held?: boolean }
  | { name: 'refused'; message: string }
  | { name: 'search' }
  | { name: 'procedure'; procedureId: string }
  /** A booked citizen types the code (or scans); `note` says why they are back here (a scan not read…). */
  | { name: 'check-in'; note?: string }
  | { name: 'checking-in'; attempt: number }
  /** A check-in refused (outside its window, unknown code…) or given up; `serviceId` offers a normal ticket of that service. */
  | { name: 'check-in-refused'; message: string; serviceId: string | null }
  /** A CCCD was scanned for a walk-in: the service next (the server gives the elderly priority by age). */
  | { name: 'cccd-service' };

export interface KioskState {
  lang: Lang;
  center: PublicSnapshot['center'] | null;
  services: KioskService[];
  priorities: PriorityCategory[];
  printers: PrinterStatusView[];
  /** Learned from the first ticket printed here: the printer whose status matters. */
  printerId: string | null;
  /** 'connecting' only until the first answer; then the socket's state. */
  connection: 'connecting' | 'online' | 'offline';
  screen: Screen;
  checklist: PrintNote | null;
  checklistBusy: boolean;
  /** This browser is an approved kiosk device (it prints); null until the server said. */
  kioskDevice: boolean | null;
  /** The citizen's large-text / high-contrast mode: for their session only (reset when idle or after their ticket). */
  largeText: boolean;
}

/** The citizen pinch-zoomed the page. */
const zoomed = () => (window.visualViewport?.scale ?? 1) > 1.01;

/** More groups than this get a screen of their own instead of a band on the home screen. */
const INLINE_PRIORITIES = 5;

export class QmKiosk extends LitElement {
  @property() server = '';
  @property({ attribute: 'kiosk-id' }) kioskId = '';
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds = 60;
  @property({ type: Number, attribute: 'confirm-seconds' }) confirmSeconds = 45;
  @property({ type: Number, attribute: 'hold-seconds' }) holdSeconds = 180;
  @property() layout = '';

  @state() state: KioskState = {
    lang: 'vi',
    center: null,
    services: [],
    priorities: [],
    printers: [],
    printerId: null,
    connection: 'connecting',
    screen: { name: 'home' },
    checklist: null,
    checklistBusy: false,
    kioskDevice: null,
    largeText: false,
  };

  static override styles = [base, kioskStyles];

  private api = new KioskApi('', () => this.state.lang);
  private issuer: TicketIssuer | null = null;
  private checkIns: CheckInClient | null = null;
  /** A walk-in's scanned card, only until their ticket is asked for (or they leave that screen): never rendered or stored. */
  private scannedCard: string | null = null;
  /** Bursts of a USB 2D scanner (typing like a keyboard, ending with Enter), heard on every screen. */
  private readonly scanner = new ScanBuffer((scan) => this.onScan(scan));
  private detachScanner: (() => void) | null = null;
  /** Its server clock offset (from the snapshot) lets a kiosk PC with a wrong clock still show the center's time. */
  private readonly live = new LiveController(this, kioskChannel, {
    manual: true,
    connectTimeoutMs: 5000,
    onChange: () => this.followLive(),
    onConnect: () => void this.load(),
  });
  private seen: KioskLiveView = this.live.view;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private loadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Idle: the next citizen finds the start screen in its usual look. */
  private idle = new IdleController(this, () => {
    this.go({ name: 'home' }, { endSession: true });
    this.unzoom();
  });
  /** Spoken guidance from the voice pack (greeting, "choose a field", the number, printer trouble), per the center's settings. */
  readonly guide = new KioskGuide(this);
  /** Settles once this browser knows whether it is a kiosk device (paired silently in a demo center). */
  private deviceChecked: Promise<void> = Promise.resolve();

  constructor() {
    super();
    // A configuration change also reloads what the home screen fetched over HTTP (the core refetches the snapshot itself).
    this.live.listen('config:changed', () => void this.load());
    // Redraws the header clock every 15 s; the time itself is read from the server's clock at each render.
    new ClockController(this, 15_000);
  }

  private patch(p: Partial<KioskState>) {
    this.state = { ...this.state, ...p };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.visualViewport?.addEventListener('resize', this.onViewportResize);
    const base = this.server.replace(/\/+$/, '');
    this.patch({ lang: toLang(this.lang) });
    this.api = new KioskApi(base, () => this.state.lang);
    this.issuer = new TicketIssuer(this.api, {
      kioskId: () => this.kioskId || null,
      lang: () => this.state.lang,
      onAttempt: (attempt) => {
        if (this.state.screen.name === 'issuing') this.patch({ screen: { name: 'issuing', attempt } });
      },
    });
    this.checkIns = new CheckInClient(this.api, {
      onAttempt: (attempt) => {
        if (this.state.screen.name === 'checking-in') this.patch({ screen: { name: 'checking-in', attempt } });
      },
    });
    this.detachScanner = this.scanner.attach(window);
    this.live.start({ server: base });
    void this.load();
    // Embedded in another site, the device cookie is never sent: that kiosk is a web page, not a device.
    this.deviceChecked = base ? Promise.resolve(this.patch({ kioskDevice: false })) : this.checkDevice();
    // Without any answer for a few seconds, say so rather than show an empty screen.
    this.timers.push(setTimeout(() => this.state.connection === 'connecting' && this.patch({ connection: 'offline' }), 5000));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.visualViewport?.removeEventListener('resize', this.onViewportResize);
    this.detachScanner?.();
    this.detachScanner = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    clearTimeout(this.loadTimer);
  }

  /** Everything the home screen needs, fetched up front and after every reconnect. */
  private async load(): Promise<void> {
    clearTimeout(this.loadTimer);
    try {
      const [center, services, priorities] = await Promise.all([
        this.api.get<KioskState['center']>('/api/center'),
        this.api.get<KioskService[]>('/api/services'),
        this.api.get<PriorityCategory[]>('/api/priorities'),
      ]);
      this.patch({ center, services, priorities, ...(this.state.connection === 'connecting' ? { connection: 'online' as const } : {}) });
    } catch {
      this.loadTimer = setTimeout(() => void this.load(), 3000);
    }
  }

  /**
   * Whether this browser is an approved kiosk, pairing it silently when the center approves devices
   * by itself. Runs beside the first paint, never before it; unknown (null) if the server is away.
   */
  private async checkDevice(): Promise<void> {
    try {
      this.patch({ kioskDevice: isActiveDevice(await ensureDevice('kiosk', null, this.kioskId || null), 'kiosk') });
    } catch {
      // Unreachable for now: the server decides at issue time anyway.
    }
  }

  /** Takes what changed in the live view, and the link's state once it has one ('connecting' keeps the timer's say). */
  private followLive() {
    const view = this.live.view;
    const before = this.seen;
    this.seen = view;
    const next: Partial<KioskState> = {};
    // /public has no session to refuse: 'signed-out' never comes here, and would read as offline.
    const link = this.live.status === 'signed-out' ? 'offline' : this.live.status;
    if (link !== 'connecting' && link !== this.state.connection) next.connection = link;
    // Nothing live is trustworthy before the first snapshot: until then the screen keeps what HTTP loaded.
    if (view !== before && view.center) {
      if (view.center !== before.center) next.center = view.center;
      if (view.services !== before.services) next.services = view.services;
      if (view.priorities !== before.priorities) next.priorities = view.priorities;
      if (view.printers !== before.printers) next.printers = view.printers;
    }
    if (Object.keys(next).length > 0) this.patch(next);
  }

  /** Leaving a ticket for home ends that citizen's session: the large-text mode goes with it. */
  private go(screen: Screen, { endSession = false } = {}) {
    const done = endSession || (screen.name === 'home' && this.state.screen.name === 'issued');
    // The scanned card serves only the ticket asked for from its own screen.
    if (screen.name !== 'cccd-service' && screen.name !== 'issuing') this.scannedCard = null;
    this.patch({ screen, ...(screen.name !== 'procedure' ? { checklist: null } : {}), ...(done ? { largeText: false } : {}) });
  }

  /**
   * A citizen may pinch-zoom the kiosk page; a page cannot undo that itself, but opening it again does. Only a
   * full-page kiosk does it (never a host page's), and only while the server answers (an error page would stay).
   */
  private unzoom() {
    if (zoomed() && !this.server && this.state.connection === 'online') location.assign(location.href);
  }

  /** A pinch at the home screen starts the idle countdown there, so the zoom ends with the citizen. */
  private readonly onViewportResize = () => {
    if (this.state.screen.name === 'home') this.armIdle();
  };

  /** The layout this kiosk's home screen uses: its own attribute, else the center's setting, else standard. */
  private homeLayout(): KioskLayout {
    const chosen = this.layout || this.state.center?.kioskLayout;
    return chosen === 'elderly-first' ? 'elderly-first' : 'standard';
  }

  override updated(changed: Map<string, unknown>) {
    if (!changed.has('state')) return;
    const before = changed.get('state') as KioskState | undefined;
    if (before?.screen === this.state.screen && before?.largeText === this.state.largeText) return;
    this.armIdle();
  }

  private armIdle() {
    const screen = this.state.screen.name;
    const current = this.state.screen;
    const issued = current.name === 'issued' ? (current.held ? this.holdSeconds : this.confirmSeconds) : null;
    // Home waits for nobody, unless a citizen turned large text on or zoomed there: that ends with them, when untouched.
    const home = this.state.largeText || zoomed() ? this.idleSeconds : null;
    const seconds = screen === 'issuing' || screen === 'checking-in' ? null : screen === 'home' ? home : issued !== null ? issued : screen === 'refused' ? Math.min(20, this.idleSeconds) : this.idleSeconds;
    this.idle.arm(seconds === null ? null : seconds * 1000);
  }

  private async requestTicket(choice: IssueChoice) {
    if (!this.issuer || this.issuer.busy || this.state.screen.name === 'issuing' || this.state.connection === 'offline') return;
    this.go({ name: 'issuing', attempt: 1 });
    // A demo kiosk pairs itself as the page opens; a tap in that moment waits for it (briefly) so its slip prints.
    await Promise.race([this.deviceChecked, new Promise((resolve) => setTimeout(resolve, 3000))]);
    const outcome = await this.issuer.issue(choice);
    switch (outcome.kind) {
      case 'issued': {
        const ticket = outcome.ticket;
        this.patch({ printerId: ticket.print?.printerId ?? this.state.printerId });
        this.go({ name: 'issued', ticket });
        emit(this, 'qm-ticket-issued', { ticketId: ticket.id, number: ticket.number });
        break;
      }
      case 'refused':
        this.go({ name: 'refused', message: outcome.message });
        break;
      case 'unreachable':
        this.go({ name: 'refused', message: t(this.state.lang, 'issueFailedNetwork') });
        break;
      case 'busy':
        break;
    }
  }

  /** A scanner's burst, on any screen: a booking code checks in; a CCCD checks in on the check-in screen, else starts a walk-in's ticket. */
  private onScan(scan: Scan) {
    const screen = this.state.screen.name;
    if (screen === 'issuing' || screen === 'checking-in') return;
    if (scan.kind === 'code') return void this.checkIn({ code: scan.code });
    if (scan.kind === 'cccd') {
      if (screen === 'check-in' || screen === 'check-in-refused') return void this.checkIn({ cccd: scan.text });
      if (this.state.connection === 'offline') return;
      this.go({ name: 'cccd-service' });
      this.scannedCard = scan.text;
      return;
    }
    this.go({ name: 'check-in', note: t(this.state.lang, 'scanUnreadable') });
  }

  /** A ticket asked for from the card's screen carries the card: the server reads the age from it and keeps nothing. */
  private withCard(choice: IssueChoice): IssueChoice {
    return this.state.screen.name === 'cccd-service' && this.scannedCard ? { ...choice, cccd: this.scannedCard } : choice;
  }

  /**
   * A booking checked in: its ticket on the ticket screen, as any ticket (printed, read aloud, QR). The link may drop
   * and come back meanwhile: the retries carry the same key, and the server answers a retried code with the same ticket.
   */
  private async checkIn(request: CheckInRequest) {
    if (!this.checkIns || this.checkIns.busy || this.issuer?.busy) return;
    this.go({ name: 'checking-in', attempt: 1 });
    await Promise.race([this.deviceChecked, new Promise((resolve) => setTimeout(resolve, 3000))]);
    const outcome = await this.checkIns.checkIn(request);
    const L = (key: MessageKey) => t(this.state.lang, key);
    switch (outcome.kind) {
      case 'issued': {
        const ticket = outcome.ticket;
        this.patch({ printerId: ticket.print?.printerId ?? this.state.printerId });
        this.go({ name: 'issued', ticket });
        emit(this, 'qm-ticket-issued', { ticketId: ticket.id, number: ticket.number });
        break;
      }
      case 'refused':
        // A server without the lookup by card: the code it is.
        if ('cccd' in request && outcome.code === 'NOT_FOUND') this.go({ name: 'check-in', note: L('cccdLookupMissing') });
        else this.go({ name: 'check-in-refused', message: outcome.message, serviceId: outcome.serviceId });
        break;
      case 'unreachable':
        this.go({ name: 'check-in-refused', message: L('checkInFailedNetwork'), serviceId: null });
        break;
      case 'busy':
        break;
    }
  }

  private async printChecklist(procedureId: string) {
    if (this.state.checklistBusy) return;
    this.patch({ checklistBusy: true, checklist: null });
    let note: KioskState['checklist'];
    try {
      const { data } = await this.api.request<PrintInfo>(`/api/procedures/${encodeURIComponent(procedureId)}/print`, {
        method: 'POST',
        body: { ...(this.kioskId ? { kioskId: this.kioskId } : {}), lang: this.state.lang },
      });
      note = checklistPrintNote(data);
    } catch (error) {
      const notKiosk = error instanceof ApiError && (error.code === 'DEVICE_NOT_PAIRED' || error.code === 'DEVICE_KIND_MISMATCH');
      note = notKiosk ? { key: 'checklistNotKiosk', problem: false } : error instanceof ApiError ? { key: 'checklistProblem', problem: true } : { key: 'offline', problem: true };
    }
    this.patch({ checklistBusy: false, checklist: note });
  }

  /** "Giữ màn hình": the confirmation stays until "Xong", or at most hold-seconds after the last touch. */
  private holdScreen() {
    const screen = this.state.screen;
    if (screen.name === 'issued' && !screen.held) this.go({ ...screen, held: true });
  }

  private navigate(to: 'home' | 'back' | 'search' | 'priority') {
    const screen = this.state.screen;
    if (to === 'back') {
      if (screen.name === 'procedure') return this.go({ name: 'search' });
      if (screen.name === 'priority-service' && this.state.priorities.length > INLINE_PRIORITIES) return this.go({ name: 'priority' });
      return this.go({ name: 'home' });
    }
    this.go({ name: to });
  }

  override render() {
    const s = this.state;
    const L = (key: MessageKey, params?: Record<string, string | number>) => t(s.lang, key, params);
    const centerName = s.center ? (s.lang === 'en' ? s.center.nameEn || s.center.name : s.center.name) : L('appTitle');
    const offline = s.connection === 'offline';
    // A browser that is not a kiosk never prints: the printers' state is none of its citizen's concern.
    const problem = s.kioskDevice !== false && printerProblem(s.printers, s.printerId);
    return html`<div
      class="frame ${s.largeText ? 'large' : ''}"
      data-mode=${s.largeText ? 'large' : 'standard'}
      lang=${s.lang}
      @qm-ticket-requested=${(e: CustomEvent<IssueChoice>) => void this.requestTicket(this.withCard(e.detail))}
      @qm-check-in-requested=${(e: CustomEvent<{ code: string }>) => void this.checkIn({ code: e.detail.code })}
      @qm-priority-selected=${(e: CustomEvent<{ priorityId: string }>) => this.go({ name: 'priority-service', priorityId: e.detail.priorityId })}
      @qm-procedure-selected=${(e: CustomEvent<{ procedureId: string }>) => this.go({ name: 'procedure', procedureId: e.detail.procedureId })}
      @qm-checklist-print-requested=${(e: CustomEvent<{ procedureId: string }>) => void this.printChecklist(e.detail.procedureId)}
      @qm-navigate=${(e: CustomEvent<{ to: 'home' | 'back' | 'search' | 'priority' }>) => this.navigate(e.detail.to)}
      @qm-hold-screen=${() => this.holdScreen()}
    >
      <header>
        <h1>${centerName}</h1>
        ${s.center && this.live.serverOffsetMs !== null ? html`<span class="clock" data-testid="kiosk-clock">${formatLocalTime(this.live.serverNow(), s.center.timeZone)}</span>` : null}
        <div class="tools">
          <button class="text-size" data-testid="text-size" aria-pressed=${s.largeText} @click=${() => this.patch({ largeText: !s.largeText })}>
            ${icon(s.largeText ? 'check' : 'text-size', 48)}${L('largeText')}
          </button>
          <qm-language-switch .locale=${s.lang} @qm-language-changed=${(e: CustomEvent<{ lang: Lang }>) => this.patch({ lang: e.detail.lang })}></qm-language-switch>
        </div>
      </header>
      <div class="notices">${offline ? html`<qm-offline-banner .locale=${s.lang}></qm-offline-banner>` : null}${problem && s.screen.name === 'home' && !offline
          ? html`<p class="printer-note" role="status">${icon('warning', 48)}${L('printerHomeProblem')}</p>`
          : null}</div>
      <main>${this.renderScreen(offline)}</main>
    </div>`;
  }

  private renderScreen(offline: boolean) {
    const s = this.state;
    const L = (key: MessageKey, params?: Record<string, string | number>) => t(s.lang, key, params);
    const screen = s.screen;
    switch (screen.name) {
      case 'home': {
        const elderlyFirst = this.homeLayout() === 'elderly-first';
        const priorities =
          s.priorities.length > INLINE_PRIORITIES
            ? html`<button class="priority-open" ?disabled=${offline} @click=${() => this.go({ name: 'priority' })}>${icon('priority', 64)}${L('priorityTitle')}</button>`
            : html`<qm-priority-choice compact ?prominent=${elderlyFirst} .priorities=${s.priorities} .locale=${s.lang} ?disabled=${offline}></qm-priority-choice>`;
        return html`${elderlyFirst ? html`<div class="priority-first" data-layout="elderly-first">${priorities}</div>` : null}
          <p class="lead">${L('chooseService')}</p>
          <qm-service-grid .services=${s.services} .locale=${s.lang} ?disabled=${offline}></qm-service-grid>
          <div class="extras">
            ${elderlyFirst ? null : priorities}
            <button class="lookup" @click=${() => this.go({ name: 'search' })}>${icon('search', 64)}${L('lookup')}</button>
            <button class="checkin-open" data-testid="check-in-open" @click=${() => this.go({ name: 'check-in' })}>${icon('calendar', 64)}<span>${L('checkInOpen')}<small>${L('checkInOpenSub')}</small></span></button>
          </div>`;
      }
      case 'priority':
        return html`${this.backBand(null)}<qm-priority-choice .priorities=${s.priorities} .locale=${s.lang} ?disabled=${offline}></qm-priority-choice>`;
      case 'priority-service': {
        const p = s.priorities.find((x) => x.id === screen.priorityId);
        const name = p ? (s.lang === 'en' ? p.nameEn || p.name : p.name) : '';
        return html`${this.backBand(L('priorityChosen', { name }))}
          <p class="lead">${L('priorityChooseService')}</p>
          <qm-service-grid .services=${s.services} .locale=${s.lang} .priorityId=${screen.priorityId} ?disabled=${offline} style="--_tile: var(--_priority)"></qm-service-grid>`;
      }
      case 'issuing':
        return html`<div class="center" role="status" aria-live="polite">
          <div class="spinner" aria-hidden="true"></div>
          <p>${screen.attempt > 1 ? L('issuingRetry', { n: screen.attempt }) : L('issuing')}</p>
        </div>`;
      case 'issued':
        return html`<qm-ticket-issued
          .ticket=${screen.ticket}
          ?held=${screen.held === true}
          .locale=${s.lang}
          .timeZone=${s.center?.timeZone ?? DEFAULT_TIME_ZONE}
          ?printerProblem=${printerProblem(s.printers, screen.ticket.print?.printerId ?? s.printerId)}
        ></qm-ticket-issued>`;
      case 'refused':
        return html`<div class="center refused" role="alert">
          ${icon('warning', 120)}
          <p><strong>${L('issueFailed')}</strong>${screen.message}</p>
          <button class="btn" @click=${() => this.go({ name: 'home' })}>${L('home')}</button>
        </div>`;
      case 'check-in':
        return html`${this.backBand(null)}<qm-check-in .locale=${s.lang} .note=${screen.note ?? ''}></qm-check-in>`;
      case 'checking-in':
        return html`<div class="center" role="status" aria-live="polite">
          <div class="spinner" aria-hidden="true"></div>
          <p>${screen.attempt > 1 ? L('issuingRetry', { n: screen.attempt }) : L('checkingIn')}</p>
        </div>`;
      case 'check-in-refused': {
        const service = screen.serviceId ? s.services.find((x) => x.id === screen.serviceId) : undefined;
        const serviceName = service ? (s.lang === 'en' ? service.nameEn || service.name : service.name) : '';
        return html`<div class="center refused" data-testid="check-in-refused">
          ${icon('warning', 120)}
          <p role="alert"><strong>${L('checkInFailed')}</strong>${screen.message}</p>
          <div class="choices">
            <button
              class="btn"
              data-testid="check-in-normal-ticket"
              ?disabled=${offline}
              @click=${() => (service ? void this.requestTicket({ serviceId: service.id, priorityId: null }) : this.go({ name: 'home' }))}
            >
              ${service ? L('normalTicketFor', { service: serviceName }) : L('normalTicket')}
            </button>
            <button class="btn secondary" @click=${() => this.go({ name: 'check-in' })}>${L('checkInAgain')}</button>
            <button class="btn secondary" @click=${() => this.go({ name: 'home' })}>${L('home')}</button>
          </div>
        </div>`;
      }
      case 'cccd-service':
        return html`${this.backBand(L('cccdRead'))}
          <p class="lead">${L('cccdChooseService')}</p>
          <qm-service-grid .services=${s.services} .locale=${s.lang} ?disabled=${offline}></qm-service-grid>`;
      case 'search':
      case 'procedure':
        // The search stays mounted under the procedure page so "back" finds the same query and results.
        return html`<qm-procedure-search .api=${this.api} .locale=${s.lang} ?hidden=${screen.name !== 'search'}></qm-procedure-search>
          ${screen.name === 'procedure'
            ? html`<qm-procedure-detail
                .api=${this.api}
                .procedureId=${screen.procedureId}
                .locale=${s.lang}
                .openServiceIds=${s.services.map((x) => x.id)}
                ?offline=${offline}
                .printNote=${s.checklist}
                ?printing=${s.checklistBusy}
              ></qm-procedure-detail>`
            : null}`;
    }
  }

  private backBand(title: string | null) {
    return html`<div class="band">
      <button class="btn secondary" @click=${() => this.navigate('back')}>${icon('back', 40)}${t(this.state.lang, 'back')}</button>
      ${title ? html`<h2>${title}</h2>` : null}
    </div>`;
  }
}
