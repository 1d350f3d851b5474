/**
 * qm-book — the citizen's booking page (/book/), phone first: a service, a day (today + the days the center
 * offers), a time with its free places, the ID number (phone and name optional), then the booking code large,
 * its QR, the day, time and service, the check-in window and a cancel button. Every refusal shows the server's
 * own translated message. Vietnamese first, English on a switch. Runs at a plain-HTTP LAN origin: nothing here
 * needs a secure context. Served by the province hub, it first asks for the center (lib/api-base.ts).
 */
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Booked, Slot } from '../../protocol/appointments';
import type { Service } from '../../protocol/domain';
import { ApiError } from '../../kiosk/lib/api';
import { randomId } from '../../protocol/random-id';
import { icon } from '../../kiosk/lib/icons';
import { addDays, formatDay, shiftTime, weekday } from '../lib/days';
import { t, type Lang, type MessageKey } from '../lib/i18n';
import type { BookingInfo } from '../../protocol/hub';
import { BookApi, bookApiMode, centerPaths, hubPaths, HUB_CENTERS_PATH, type BookPaths, type HubCenter } from '../lib/api-base';

/** The center's public booking info (its own route, or the hub's relay of it). */
interface Info extends BookingInfo {
  /** On the hub: whether the center's link is up (a booking made now reaches it). */
  online?: boolean;
}

type Step = 'center' | 'service' | 'slot' | 'details' | 'done';

/** A booking kept on the phone; on the hub, with the center it was made at. */
type SavedBooking = Booked & { center?: string };

/** Bookings made on this phone (code, service, day, time: nothing personal), so reopening the page shows them. */
const SAVED_KEY = 'hang-cho.bookings';

function loadSaved(): SavedBooking[] {
  try {
    const list = JSON.parse(localStorage.getItem(SAVED_KEY) ?? '[]') as SavedBooking[];
    return Array.isArray(list) ? list.filter((b) => typeof b?.code === 'string') : [];
  } catch {
    return [];
  }
}

function storeSaved(list: SavedBooking[]): void {
  try {
    localStorage.setItem(SAVED_KEY, JSON.stringify(list.slice(-5)));
  } catch {
    // Private mode: the code stays on screen.
  }
}

export class QmBook extends LitElement {
  @state() locale: Lang = 'vi';
  @state() info: Info | null = null;
  @state() services: Service[] = [];
  @state() loadFailed = false;
  /** The server's own words when it refused to load (the hub: an unknown center, one never heard from). */
  @state() loadError = '';
  @state() step: Step = 'service';
  @state() serviceId: string | null = null;
  /** Slots per day of the chosen service; undefined while loading. */
  @state() slots: Record<string, Slot[] | undefined> = {};
  @state() day: string | null = null;
  @state() time: string | null = null;
  @state() idNumber = '';
  @state() phone = '';
  @state() name = '';
  @state() busy = false;
  @state() error = '';
  @state() booked: Booked | null = null;
  @state() confirmCancel = false;
  @state() cancelledCode: string | null = null;
  @state() saved: SavedBooking[] = [];
  /** 'hub' when the province hub serves the page: a center is chosen first. */
  readonly mode = bookApiMode();
  @state() centers: HubCenter[] | null = null;
  @state() centerCode: string | null = null;

  private api = new BookApi(() => this.locale);
  private get paths(): BookPaths {
    return this.mode === 'hub' ? hubPaths(this.centerCode ?? '') : centerPaths();
  }

  /** The step's number and the number of steps (one more on the hub: the center). */
  private stepOf(n: number): string {
    return this.mode === 'hub' ? this.L('stepOf', { n: n + 1, total: 4 }) : this.L('stepOf', { n, total: 3 });
  }

  /** One Idempotency-Key per intended booking: a retry after a lost answer gets the code already made. */
  private bookingKey: { what: string; key: string } | null = null;

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      color: #0b1b2b;
      font-family: 'Be Vietnam Pro', 'Noto Sans', system-ui, sans-serif;
      font-size: 17px;
      line-height: 1.45;
      --primary: #0a4b8f;
      --line: #b8c4d0;
      --danger: #a00d15;
      --muted: #3c4f62;
    }
    * {
      box-sizing: border-box;
    }
    header {
      background: var(--primary);
      color: #fff;
      padding: 14px 16px 18px;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      max-width: 640px;
      margin: 0 auto;
    }
    .center-name {
      margin: 0;
      font-size: 15px;
      opacity: 0.95;
    }
    h1 {
      margin: 4px 0 0;
      font-size: 26px;
      line-height: 1.2;
    }
    .lang {
      display: flex;
      gap: 4px;
      flex: none;
    }
    .lang button {
      min-width: 48px;
      min-height: 44px;
      border: 2px solid #fff;
      background: transparent;
      color: #fff;
      border-radius: 10px;
      font: inherit;
      font-weight: 700;
    }
    .lang button[aria-pressed='true'] {
      background: #fff;
      color: var(--primary);
    }
    main {
      max-width: 640px;
      margin: 0 auto;
      padding: 16px;
      display: grid;
      gap: 16px;
    }
    h2 {
      margin: 0;
      font-size: 21px;
    }
    .step-of {
      margin: 0;
      color: var(--muted);
      font-size: 15px;
      font-weight: 600;
    }
    .lead {
      margin: 0;
      color: var(--muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 10px;
    }
    button {
      font: inherit;
      cursor: pointer;
      touch-action: manipulation;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 4px solid #ffb000;
      outline-offset: 2px;
    }
    .service {
      width: 100%;
      min-height: 64px;
      display: flex;
      align-items: center;
      gap: 14px;
      padding: 12px 14px;
      text-align: left;
      background: #fff;
      color: #0b1b2b;
      border: 2px solid var(--line);
      border-radius: 14px;
      font-weight: 600;
    }
    .service .icon {
      flex: none;
      color: var(--primary);
    }
    .center span {
      display: grid;
      gap: 2px;
      text-align: left;
    }
    .center small {
      font-size: 14px;
      font-weight: 600;
    }
    .center small.open {
      color: #0b6b2b;
    }
    .center small.closed {
      color: #4a5b6c;
    }
    .center:disabled {
      background: #e9eef3;
      color: #4a5b6c;
      border-style: dashed;
      cursor: not-allowed;
    }
    .center:disabled .icon {
      color: #4a5b6c;
    }
    .days {
      grid-template-columns: repeat(4, 1fr);
      gap: 8px;
    }
    .day,
    .slot {
      width: 100%;
      min-height: 64px;
      padding: 6px 4px;
      background: #fff;
      color: #0b1b2b;
      border: 2px solid var(--line);
      border-radius: 12px;
      display: grid;
      justify-items: center;
      align-content: center;
      gap: 1px;
      line-height: 1.2;
    }
    .day strong,
    .slot strong {
      font-size: 18px;
    }
    .day small,
    .slot small {
      font-size: 13px;
      color: var(--muted);
    }
    .day[aria-pressed='true'],
    .slot[aria-pressed='true'],
    .service[aria-pressed='true'] {
      background: var(--primary);
      border-color: var(--primary);
      color: #fff;
    }
    .day[aria-pressed='true'] small,
    .slot[aria-pressed='true'] small,
    .service[aria-pressed='true'] .icon {
      color: #fff;
    }
    .day:disabled,
    .slot:disabled {
      background: #e9eef3;
      color: #4a5b6c;
      border-style: dashed;
      cursor: not-allowed;
    }
    .day:disabled small,
    .slot:disabled small {
      color: #4a5b6c;
    }
    .remote {
      font-weight: 700;
    }
    .slots {
      grid-template-columns: repeat(3, 1fr);
      gap: 8px;
    }
    .chosen {
      margin: 0;
      padding: 10px 12px;
      background: #e6eef7;
      border-radius: 10px;
      font-weight: 600;
    }
    form {
      display: grid;
      gap: 14px;
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 600;
    }
    label small {
      font-weight: 400;
      color: var(--muted);
    }
    input {
      font: inherit;
      font-size: 19px;
      min-height: 52px;
      padding: 8px 12px;
      border: 2px solid #6b7c8d;
      border-radius: 10px;
      background: #fff;
      color: #0b1b2b;
      width: 100%;
    }
    input[aria-invalid='true'] {
      border-color: var(--danger);
    }
    .privacy {
      margin: 0;
      padding: 12px;
      background: #fff;
      border-left: 5px solid var(--primary);
      border-radius: 8px;
      font-size: 15px;
    }
    .privacy strong {
      display: block;
      margin-bottom: 2px;
    }
    .actions {
      display: flex;
      gap: 10px;
      flex-wrap: wrap;
    }
    /* On a phone the next step stays in reach below a long list of times. */
    .actions.sticky {
      position: sticky;
      bottom: 0;
      margin: 0 -16px;
      padding: 10px 16px 14px;
      background: #f3f6f9;
      box-shadow: 0 -4px 10px rgb(0 0 0 / 0.08);
    }
    .btn {
      min-height: 52px;
      padding: 10px 20px;
      border-radius: 12px;
      border: 2px solid var(--primary);
      background: var(--primary);
      color: #fff;
      font-weight: 700;
      flex: 1 1 auto;
    }
    .btn.secondary {
      background: #fff;
      color: var(--primary);
    }
    .btn.danger {
      background: #fff;
      color: var(--danger);
      border-color: var(--danger);
    }
    .btn.danger.solid {
      background: var(--danger);
      color: #fff;
    }
    .btn:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .error {
      margin: 0;
      padding: 12px;
      border-radius: 10px;
      background: #fde8e8;
      color: #7a0a10;
      font-weight: 600;
    }
    .note {
      margin: 0;
      padding: 12px;
      border-radius: 10px;
      background: #fff1c2;
      color: #4a2f00;
    }
    .card {
      background: #fff;
      border-radius: 16px;
      padding: 18px 16px;
      display: grid;
      gap: 12px;
      justify-items: center;
      text-align: center;
      border: 2px solid #d5dee7;
    }
    .ok {
      color: #0d5a2a;
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .code-label {
      margin: 0;
      color: var(--muted);
      font-weight: 600;
    }
    .code {
      margin: 0;
      font-size: 52px;
      font-weight: 800;
      letter-spacing: 0.12em;
      font-variant-numeric: tabular-nums;
      line-height: 1.05;
      padding-left: 0.12em;
    }
    qm-qr-code {
      --qm-qr-size: 200px;
    }
    dl {
      margin: 0;
      width: 100%;
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 6px 12px;
      text-align: left;
    }
    dt {
      color: var(--muted);
    }
    dd {
      margin: 0;
      font-weight: 700;
    }
    .howto {
      margin: 0;
      text-align: left;
      font-size: 15px;
    }
    .saved {
      background: #fff;
      border: 2px solid #d5dee7;
      border-radius: 12px;
      padding: 12px;
      display: grid;
      gap: 8px;
    }
    .saved h2 {
      font-size: 17px;
    }
    .saved li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .saved .btn {
      flex: none;
      min-height: 44px;
      padding: 6px 14px;
    }
    footer {
      max-width: 640px;
      margin: 0 auto;
      padding: 8px 16px 24px;
      color: var(--muted);
      font-size: 14px;
    }
    @media (min-width: 700px) {
      .days {
        grid-template-columns: repeat(7, 1fr);
      }
      .slots {
        grid-template-columns: repeat(4, 1fr);
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    this.locale = params.get('lang') === 'en' ? 'en' : 'vi';
    this.saved = loadSaved();
    if (this.mode === 'hub') {
      this.centerCode = params.get('center');
      if (!this.centerCode) {
        this.step = 'center';
        void this.loadCenters();
        return;
      }
    }
    void this.load();
  }

  private async loadCenters(): Promise<void> {
    this.loadFailed = false;
    try {
      this.centers = await this.api.get<HubCenter[]>(HUB_CENTERS_PATH);
    } catch {
      this.loadFailed = true;
    }
  }

  /** On the hub: the center the citizen books at (kept in the address, so a reload or a shared link keeps it). */
  private async chooseCenter(code: string | null) {
    this.centerCode = code;
    this.info = null;
    this.services = [];
    this.center = null;
    this.serviceId = null;
    this.day = null;
    this.time = null;
    this.error = '';
    const url = new URL(location.href);
    if (code) url.searchParams.set('center', code);
    else url.searchParams.delete('center');
    history.replaceState(null, '', url);
    if (code) {
      this.step = 'service';
      await this.load();
    } else {
      this.step = 'center';
      await this.loadCenters();
    }
  }

  private L(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.locale, key, params);
  }

  private async load(): Promise<void> {
    this.loadFailed = false;
    const paths = this.paths;
    try {
      const [info, services, center] = await Promise.all([
        this.api.get<Info>(paths.info),
        this.api.get<Service[]>(paths.services),
        this.api.get<{ name: string; nameEn?: string }>(paths.center),
      ]);
      this.info = info;
      this.services = services;
      this.center = center;
      // Bookings of days gone by are of no use any more.
      this.saved = this.saved.filter((b) => b.date >= info.today || b.center !== (this.centerCode ?? undefined));
      storeSaved(this.saved);
    } catch (error) {
      this.loadFailed = true;
      this.loadError = error instanceof ApiError ? error.message : '';
    }
  }

  @state() center: { name: string; nameEn?: string } | null = null;

  private setLang(lang: Lang) {
    this.locale = lang;
    document.documentElement.lang = lang;
    document.title = this.L('title');
    this.error = '';
  }

  private serviceName(id: string | null): string {
    const s = this.services.find((x) => x.id === id);
    return s ? (this.locale === 'en' ? s.nameEn || s.name : s.name) : '';
  }

  private days(): string[] {
    if (!this.info) return [];
    return Array.from({ length: this.info.horizonDays + 1 }, (_, i) => addDays(this.info!.today, i));
  }

  private dayName(day: string, short = false): string {
    return this.L(short ? 'weekdaysShort' : 'weekdays').split('|')[weekday(day)];
  }

  private async chooseService(id: string) {
    this.serviceId = id;
    this.day = null;
    this.time = null;
    this.error = '';
    this.step = 'slot';
    this.slots = {};
    await this.fetchSlots();
  }

  private async fetchSlots() {
    const id = this.serviceId;
    if (!id) return;
    try {
      const lists = await Promise.all(
        this.days().map((day) => this.api.get<Slot[]>(this.paths.slots(id, day))),
      );
      if (id !== this.serviceId) return;
      this.slots = Object.fromEntries(this.days().map((day, i) => [day, lists[i]]));
      this.error = '';
      // The first day with a free place is chosen for the citizen; they may pick another.
      if (!this.day || !this.freeOn(this.day)) this.day = this.days().find((d) => this.freeOn(d) > 0) ?? null;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : this.L('network');
    }
  }

  private freeOn(day: string): number {
    return (this.slots[day] ?? []).reduce((n, s) => n + s.free, 0);
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.busy || !this.serviceId || !this.day || !this.time) return;
    const idNumber = this.idNumber.replace(/\s/g, '');
    if (!/^\d{12}$/.test(idNumber)) {
      this.error = this.L('idInvalid');
      this.focusError();
      return;
    }
    this.busy = true;
    this.error = '';
    const body = {
      serviceId: this.serviceId,
      date: this.day,
      time: this.time,
      idNumber,
      ...(this.phone.trim() ? { phone: this.phone.trim() } : {}),
      ...(this.name.trim() ? { name: this.name.trim() } : {}),
    };
    const what = JSON.stringify(body);
    if (this.bookingKey?.what !== what) this.bookingKey = { what, key: randomId() };
    const key = this.bookingKey.key;
    try {
      let data: Booked | null = null;
      // A dropped answer is asked again with the same key (twice, then the citizen may tap again: same key still).
      for (let attempt = 0; data === null; attempt++) {
        try {
          data = (await this.api.request<Booked>(this.paths.book, { method: 'POST', headers: { 'idempotency-key': key }, body, timeoutMs: this.paths.changeTimeoutMs })).data;
        } catch (error) {
          if (error instanceof ApiError || attempt >= 2) throw error;
          await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
        }
      }
      this.bookingKey = null;
      this.booked = data;
      const saved: SavedBooking = this.mode === 'hub' && this.centerCode ? { ...data, center: this.centerCode } : data;
      this.saved = [...this.saved.filter((b) => b.code !== data.code), saved];
      storeSaved(this.saved);
      // Nothing personal stays in the page once booked.
      this.idNumber = '';
      this.phone = '';
      this.name = '';
      this.confirmCancel = false;
      this.cancelledCode = null;
      this.step = 'done';
      window.scrollTo(0, 0);
    } catch (error) {
      // A refusal made nothing: the next tap is a new booking. No answer keeps the key for the next tap, and so does
      // the hub's "the center has the request but has not answered yet" (the same key then gets that answer).
      if (error instanceof ApiError && error.code !== 'CENTER_ANSWER_PENDING') this.bookingKey = null;
      this.error = error instanceof ApiError ? error.message : this.L('network');
      // A slot taken meanwhile: the places shown are refreshed.
      if (error instanceof ApiError && (error.code === 'SLOT_FULL' || error.code === 'SLOT_IN_PAST')) void this.fetchSlots().then(() => (this.time = null));
      this.focusError();
    } finally {
      this.busy = false;
    }
  }

  private focusError() {
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.error') as HTMLElement | null)?.focus());
  }

  private async cancel() {
    const code = this.booked?.code;
    if (!code || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await this.api.request<Booked>(this.paths.cancel(code), { method: 'DELETE', timeoutMs: this.paths.changeTimeoutMs });
      this.saved = this.saved.filter((b) => b.code !== code);
      storeSaved(this.saved);
      this.cancelledCode = code;
      this.booked = null;
      this.confirmCancel = false;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : this.L('network');
    } finally {
      this.busy = false;
    }
  }

  private restart() {
    this.step = 'service';
    this.serviceId = null;
    this.day = null;
    this.time = null;
    this.booked = null;
    this.cancelledCode = null;
    this.confirmCancel = false;
    this.error = '';
  }

  private async show(b: SavedBooking) {
    if (this.mode === 'hub' && b.center && b.center !== this.centerCode) await this.chooseCenter(b.center);
    this.booked = b;
    this.serviceId = b.serviceId;
    this.cancelledCode = null;
    this.confirmCancel = false;
    this.error = '';
    this.step = 'done';
  }

  override render() {
    const centerName = this.center
      ? this.locale === 'en'
        ? this.center.nameEn || this.center.name
        : this.center.name
      : this.mode === 'hub'
        ? this.L('hubName')
        : '';
    return html`<header>
        <div class="bar">
          <div>
            ${centerName ? html`<p class="center-name">${centerName}</p>` : nothing}
            <h1>${this.L('title')}</h1>
          </div>
          <div class="lang" role="group" aria-label=${this.L('language')}>
            <button lang="vi" aria-pressed=${this.locale === 'vi'} @click=${() => this.setLang('vi')}>VI</button>
            <button lang="en" aria-pressed=${this.locale === 'en'} @click=${() => this.setLang('en')}>EN</button>
          </div>
        </div>
      </header>
      <main>${this.renderMain()}</main>
      <footer>${this.L('subtitle')}</footer>`;
  }

  private renderMain() {
    if (this.loadFailed)
      return html`<p class="error" role="alert">${this.loadError || this.L('network')}</p>
        <div class="actions">
          ${this.mode === 'hub' && this.step !== 'center' ? html`<button class="btn secondary" @click=${() => void this.chooseCenter(null)}>${this.L('changeCenter')}</button>` : nothing}
          <button class="btn" @click=${() => void (this.step === 'center' ? this.loadCenters() : this.load())}>${this.L('retry')}</button>
        </div>`;
    if (this.step === 'center') return this.renderCenters();
    if (!this.info) return html`<p role="status">${this.L('loading')}</p>`;
    if (!this.info.enabled && this.step !== 'done') return html`<p class="note" role="status">${this.L('bookingClosed')}</p>`;
    // On the hub, a center whose link is down cannot take the booking now: said before the citizen fills anything in.
    if (this.info.online === false && this.step !== 'done')
      return html`<p class="note" role="status" data-testid="center-offline">${this.L('centerOfflineNote')}</p>
        <div class="actions"><button class="btn secondary" @click=${() => void this.chooseCenter(null)}>${this.L('changeCenter')}</button><button class="btn" @click=${() => void this.load()}>${this.L('retry')}</button></div>`;
    switch (this.step) {
      case 'service':
        return this.renderServices();
      case 'slot':
        return this.renderSlots();
      case 'details':
        return this.renderDetails();
      case 'done':
        return this.renderDone();
    }
  }

  private error_() {
    return this.error ? html`<p class="error" role="alert" tabindex="-1" data-testid="book-error">${this.error}</p>` : nothing;
  }

  /** The bookings on this phone: on the hub's first step all of them, with their center; else this center's. */
  private renderSaved(all: boolean) {
    const list = all ? this.saved.filter((b) => b.center) : this.saved.filter((b) => (b.center ?? null) === (this.mode === 'hub' ? this.centerCode : null));
    const nameOf = (code?: string) => this.centers?.find((c) => c.code === code)?.name ?? code ?? '';
    return list.length
      ? html`<section class="saved" aria-labelledby="saved-title">
          <h2 id="saved-title">${this.L('saved')}</h2>
          <ul>
            ${list.map(
              (b) => html`<li>
                <span><strong>${b.code}</strong> · ${formatDay(b.date, false)} ${b.time}${all ? html`<br /><small>${nameOf(b.center)}</small>` : nothing}</span>
                <button class="btn secondary" @click=${() => void this.show(b)}>${this.L('show')}</button>
              </li>`,
            )}
          </ul>
        </section>`
      : nothing;
  }

  /** The hub's first step: the province's centers, those whose link is up first to be chosen. */
  private renderCenters() {
    if (!this.centers) return html`<p role="status">${this.L('loading')}</p>`;
    return html`${this.renderSaved(true)}
      <section aria-labelledby="step-title">
        <p class="step-of">${this.L('stepOf', { n: 1, total: 4 })}</p>
        <h2 id="step-title">${this.L('stepCenter')}</h2>
      </section>
      <p class="lead">${this.L('chooseCenter')}</p>
      ${this.centers.length === 0 ? html`<p class="note" role="status">${this.L('noCenters')}</p>` : nothing}
      <ul aria-labelledby="step-title">
        ${this.centers.map((c) => {
          const open = c.online && c.bookingOpen;
          const status = !c.online ? this.L('centerOffline') : c.bookingOpen ? this.L('centerOpen') : this.L('centerClosed');
          return html`<li>
            <button class="service center" data-center=${c.code} ?disabled=${!open} aria-describedby=${`st-${c.code}`} @click=${() => void this.chooseCenter(c.code)}>
              ${icon(c.online ? 'building' : 'offline', 32)}<span
                >${c.name}<small id=${`st-${c.code}`} class=${open ? 'open' : 'closed'}>${status}</small></span
              >
            </button>
          </li>`;
        })}
      </ul>`;
  }

  private renderServices() {
    return html`${this.renderSaved(false)}
      <section aria-labelledby="step-title">
        <p class="step-of">${this.stepOf(1)}</p>
        <h2 id="step-title">${this.L('stepService')}</h2>
      </section>
      <p class="lead">${this.L('chooseService')}</p>
      <ul aria-labelledby="step-title">
        ${this.services.map(
          (s) => html`<li>
            <button class="service" data-service=${s.id} aria-pressed=${this.serviceId === s.id} @click=${() => void this.chooseService(s.id)}>
              ${icon(s.icon ?? 'default', 40)}<span>${this.locale === 'en' ? s.nameEn || s.name : s.name}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${this.mode === 'hub'
        ? html`<div class="actions"><button class="btn secondary" data-testid="change-center" @click=${() => void this.chooseCenter(null)}>${this.L('changeCenter')}</button></div>`
        : nothing}`;
  }

  private renderSlots() {
    const days = this.days();
    const loaded = days.every((d) => this.slots[d] !== undefined);
    const none = loaded && days.every((d) => (this.slots[d] ?? []).length === 0);
    const daySlots = this.day ? (this.slots[this.day] ?? []) : [];
    return html`<section aria-labelledby="step-title">
        <p class="step-of">${this.stepOf(2)}</p>
        <h2 id="step-title">${this.L('stepSlot')}</h2>
      </section>
      <p class="chosen">${this.serviceName(this.serviceId)}</p>
      ${this.error_()}
      ${!loaded && !this.error ? html`<p role="status">${this.L('loading')}</p>` : nothing}
      ${none ? html`<p class="note" role="status">${this.L('noSlotsService')}</p>` : nothing}
      ${loaded && !none
        ? html`<ul class="days" aria-label=${this.L('chooseDay')}>
              ${days.map((d, i) => {
                const list = this.slots[d] ?? [];
                const free = this.freeOn(d);
                const holiday = this.info!.holidays?.find((h) => h.date === d);
                const label = holiday ? this.L('holidayDay') : list.length === 0 ? this.L('closedDay') : free === 0 ? this.L('fullDay') : this.L('freeDay', { n: free });
                return html`<li>
                  <button class="day" data-day=${d} aria-pressed=${this.day === d} ?disabled=${free === 0} @click=${() => ((this.day = d), (this.time = null))}>
                    <small class=${i === 0 ? 'remote' : ''}>${i === 0 ? this.L('today') : this.dayName(d, true)}</small>
                    <strong>${formatDay(d, false)}</strong>
                    <small>${label}</small>
                  </button>
                </li>`;
              })}
            </ul>
            ${this.day
              ? html`<p class="lead">
                    <strong>${this.dayName(this.day)} ${formatDay(this.day)}</strong>${this.day === this.info!.today ? html` · ${this.L('remoteToday')}` : nothing}
                  </p>
                  ${daySlots.length === 0 || daySlots.every((s) => s.free === 0)
                    ? html`<p class="note">${this.L('noSlotsDay')}</p>`
                    : html`<ul class="slots" aria-label=${this.L('chooseTime')}>
                        ${daySlots.map(
                          (s) => html`<li>
                            <button class="slot" data-time=${s.time} aria-pressed=${this.time === s.time} ?disabled=${s.free === 0} @click=${() => (this.time = s.time)}>
                              <strong>${s.time}</strong><small>${s.free === 0 ? this.L('full') : this.L('free', { n: s.free })}</small>
                            </button>
                          </li>`,
                        )}
                      </ul>`}`
              : nothing}`
        : nothing}
      <div class="actions sticky">
        <button class="btn secondary" @click=${() => this.restart()}>${this.L('back')}</button>
        <button class="btn" data-testid="to-details" ?disabled=${!this.day || !this.time} @click=${() => ((this.step = 'details'), (this.error = ''))}>${this.L('next')}</button>
      </div>`;
  }

  private renderDetails() {
    const idBad = this.error === this.L('idInvalid');
    return html`<section aria-labelledby="step-title">
        <p class="step-of">${this.stepOf(3)}</p>
        <h2 id="step-title">${this.L('stepDetails')}</h2>
      </section>
      <p class="chosen">${this.L('chosen', { service: this.serviceName(this.serviceId), day: `${this.dayName(this.day!)} ${formatDay(this.day!)}`, time: this.time! })}</p>
      <form @submit=${(e: Event) => void this.submit(e)} novalidate>
        <label
          >${this.L('idNumber')}
          <input
            name="idNumber"
            inputmode="numeric"
            autocomplete="off"
            maxlength="14"
            required
            aria-invalid=${idBad}
            aria-describedby="id-hint"
            .value=${this.idNumber}
            @input=${(e: InputEvent) => (this.idNumber = (e.target as HTMLInputElement).value)}
          />
          <small id="id-hint">${this.L('idNumberHint')}</small>
        </label>
        <label
          >${this.L('phone')}
          <input name="phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="20" aria-describedby="phone-hint" .value=${this.phone} @input=${(e: InputEvent) => (this.phone = (e.target as HTMLInputElement).value)} />
          <small id="phone-hint">${this.L('phoneHint')}</small>
        </label>
        <label
          >${this.L('name')}
          <input name="name" autocomplete="name" maxlength="100" .value=${this.name} @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)} />
        </label>
        <p class="privacy"><strong>${this.L('privacyTitle')}</strong>${this.L('privacy', { days: this.info!.purgeAfterDays })}</p>
        ${this.error_()}
        <div class="actions">
          <button type="button" class="btn secondary" @click=${() => ((this.step = 'slot'), (this.error = ''), void this.fetchSlots())}>${this.L('back')}</button>
          <button type="submit" class="btn" data-testid="book-submit" ?disabled=${this.busy}>${this.busy ? this.L('submitting') : this.L('submit')}</button>
        </div>
      </form>`;
  }

  private renderDone() {
    if (this.cancelledCode)
      return html`<p class="note" role="status" data-testid="book-cancelled">${this.L('cancelled', { code: this.cancelledCode })}</p>
        <div class="actions"><button class="btn" @click=${() => this.restart()}>${this.L('another')}</button></div>`;
    const b = this.booked!;
    const info = this.info!;
    return html`<section class="card" aria-labelledby="done-title">
        <h2 id="done-title" class="ok">${icon('check', 32)}${this.L('booked')}</h2>
        <p class="code-label" id="code-label">${this.L('code')}</p>
        <p class="code" data-testid="booking-code" aria-labelledby="code-label">${b.code}</p>
        <qm-qr-code .value=${b.code} .label=${this.L('qrLabel', { code: b.code })}></qm-qr-code>
        <p class="lead">${this.L('keepCode')}</p>
        <dl>
          <dt>${this.L('service')}</dt>
          <dd data-testid="booking-service">${this.serviceName(b.serviceId)}</dd>
          <dt>${this.L('day')}</dt>
          <dd>${this.dayName(b.date)} ${formatDay(b.date)}</dd>
          <dt>${this.L('time')}</dt>
          <dd data-testid="booking-time">${b.time}</dd>
          <dt>${this.L('window')}</dt>
          <dd data-testid="booking-window">${this.L('windowValue', { from: shiftTime(b.time, -info.checkInEarlyMinutes), to: shiftTime(b.time, info.checkInLateMinutes) })}</dd>
        </dl>
        <p class="howto">${this.L('howTo')}</p>
      </section>
      ${this.error_()}
      ${this.confirmCancel
        ? html`<div class="note" role="alertdialog" aria-labelledby="cancel-ask">
            <p id="cancel-ask" style="margin:0 0 10px">${this.L('cancelAsk', { code: b.code })}</p>
            <div class="actions">
              <button class="btn danger solid" data-testid="cancel-yes" ?disabled=${this.busy} @click=${() => void this.cancel()}>${this.L('cancelYes')}</button>
              <button class="btn secondary" @click=${() => (this.confirmCancel = false)}>${this.L('cancelNo')}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button class="btn danger" data-testid="cancel" @click=${() => (this.confirmCancel = true)}>${this.L('cancel')}</button>
            <button class="btn secondary" @click=${() => this.restart()}>${this.L('another')}</button>
          </div>`}`;
  }
}
