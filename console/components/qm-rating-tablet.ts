/**
 * `<qm-rating-tablet>`: the citizen satisfaction tablet at one counter. When a
 * ticket is completed at this counter (a 'done' ticket in a /public queue:update, which
 * names no ticket id: the id to rate comes from the counter's last-completed), it asks
 * in Vietnamese with four big faces, offers optional reasons, posts the
 * rating, thanks, and returns to idle by itself. Only an approved rating device of this counter
 * asks: any other browser says it is not paired and links to the pairing page (a demo center
 * that approves devices by itself pairs the tablet silently as it opens).
 *
 * @property counterNumber - the counter on the wall (from /rate/counter/:number)
 * @fires qm-rated - detail: { level } after the server accepted a rating
 */
import { LitElement, html, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LastCompleted, RatingLevel } from '../../protocol/reports';
import { LiveController } from '../../live/live-controller';
import { api, ApiError } from '../lib/api';
import { emit } from '../lib/events';
import { ratingChannel } from '../lib/rating-live';
import { LEVELS, reasonsFor } from '../lib/rating-text';
import { ratingStyles } from './qm-rating-tablet.styles';
import { ensureDevice } from '../../devices/lib/ensure-device';
import { formatPairingCode, pairUrl } from '../../devices/lib/device-home';
import { ratingPairing, type RatingPairing } from '../lib/rating-device';

type Phase = 'idle' | 'ask' | 'reasons' | 'thanks' | 'failed';

/** The ticket a rating is for (its id is the rating's key). */
type RatableTicket = { id: string; number: string };

/** How long each screen waits for the citizen before moving on. */
export const RATING_TIMEOUTS = { ask: 60_000, reasons: 20_000, thanks: 6_000, failed: 8_000 };

/** An unpaired tablet asks again this often, so it comes to life once an admin approves it. */
const PAIRING_RECHECK_MS = 10_000;

function face(level: RatingLevel, color: string) {
  // Mouth from a wide smile (4) to a frown (1): the curve's control point moves up.
  const mouth = { 4: 'M30 62 Q50 84 70 62', 3: 'M32 64 Q50 74 68 64', 2: 'M32 66 L68 66', 1: 'M32 72 Q50 56 68 72' }[level];
  return svg`<svg viewBox="0 0 100 100" aria-hidden="true"><circle cx="50" cy="50" r="46" fill=${color} /><circle cx="35" cy="40" r="6" fill="#fff" /><circle cx="65" cy="40" r="6" fill="#fff" /><path d=${mouth} stroke="#fff" stroke-width="7" fill="none" stroke-linecap="round" /></svg>`;
}

export class QmRatingTablet extends LitElement {
  static override styles = ratingStyles;

  @property({ type: Number }) counterNumber = 0;
  @state() private phase: Phase = 'idle';
  @state() private ticket: RatableTicket | null = null;
  @state() private level: RatingLevel | null = null;
  @state() private chosen: string[] = [];
  @state() private pairing: RatingPairing = { state: 'checking' };
  private pairingTimer: ReturnType<typeof setTimeout> | undefined;
  private serverReasons: unknown = null;
  private readonly live = new LiveController(this, ratingChannel, {
    onNews: (done) => {
      if (done.counterId !== null && done.counterId === this.counter?.id) void this.offerLast(false);
    },
    onConnect: () => void this.resumeLast(),
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Tickets already offered: a replayed update must not ask twice. */
  private readonly asked = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkDevice();
    void api('/api/ratings/reasons').then(
      (r) => (this.serverReasons = r),
      () => undefined,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    clearTimeout(this.pairingTimer);
  }

  /** Whether this browser is this counter's rating device (pairing it silently when the center auto-approves). */
  private async checkDevice() {
    clearTimeout(this.pairingTimer);
    try {
      this.pairing = ratingPairing(await ensureDevice('rating', this.counterNumber || null), this.counterNumber);
    } catch {
      // Server away: the idle welcome stays, and the next look decides.
    }
    if (this.pairing.state === 'paired') void this.resumeLast();
    else this.pairingTimer = setTimeout(() => void this.checkDevice(), PAIRING_RECHECK_MS);
  }

  /** This tablet's counter, once the snapshot named it. */
  private get counter() {
    return this.live.view.counters.find((c) => c.number === this.counterNumber);
  }

  /**
   * After the tablet reloads (power cut, page refresh), offer the ticket this
   * counter finished moments ago if it was not rated yet.
   */
  private resumeLast() {
    return this.offerLast(true);
  }

  /**
   * Offer the ticket this counter finished moments ago, if not rated yet: when the live update says the counter
   * finished one, and after a reload (then only while idle). Only this counter's paired tablet may read its id.
   */
  private async offerLast(onlyWhenIdle: boolean) {
    if ((onlyWhenIdle && this.phase !== 'idle') || !this.counterNumber || this.pairing.state !== 'paired') return;
    try {
      const last = await api<LastCompleted>(`/api/counters/${this.counterNumber}/last-completed?withinMinutes=2`);
      if (last.ticket && !last.rating && (!onlyWhenIdle || this.phase === 'idle')) this.offer({ id: last.ticket.id, number: last.ticket.number });
    } catch {
      // Nothing to offer: wait for the next completion.
    }
  }

  private offer(ticket: RatableTicket) {
    if (this.asked.has(ticket.id) || this.pairing.state !== 'paired') return;
    this.asked.add(ticket.id);
    // A newer completion replaces an unanswered question: the citizen in front of the tablet changed.
    this.ticket = ticket;
    this.level = null;
    this.chosen = [];
    this.go('ask');
  }

  private go(phase: Phase) {
    this.phase = phase;
    clearTimeout(this.timer);
    if (phase === 'idle') return;
    this.timer = setTimeout(() => (phase === 'reasons' ? void this.send() : this.go('idle')), RATING_TIMEOUTS[phase]);
  }

  override render() {
    const online = this.live.status === 'online';
    return html`<div class="screen ${this.phase}">
      <header>
        <span>${this.live.view.centerName}</span><span>${this.counter?.name || `Quầy ${this.counterNumber}`}</span>
        <span class="dot ${online ? 'on' : ''}" role="img" aria-label=${online ? 'Đã kết nối' : 'Mất kết nối'}></span>
      </header>
      <main>${this.pairing.state === 'unpaired' || this.pairing.state === 'other-counter' ? this.unpaired(this.pairing) : this.body()}</main>
    </div>`;
  }

  private unpaired(pairing: Extract<RatingPairing, { state: 'unpaired' | 'other-counter' }>) {
    if (pairing.state === 'other-counter') {
      return html`<div class="idle" role="alert" data-testid="rating-unpaired">
        <h1>Máy này là máy đánh giá của quầy ${pairing.counterNumber}</h1>
        <p class="en">This tablet belongs to counter ${pairing.counterNumber}.</p>
        <a class="pair" href="/rate/counter/${pairing.counterNumber}">Mở trang quầy ${pairing.counterNumber} <span class="en">Open it</span></a>
      </div>`;
    }
    return html`<div class="idle" role="alert" data-testid="rating-unpaired">
      <h1>Máy này chưa được ghép</h1>
      <p>Máy đánh giá cần được quản trị viên duyệt trước khi nhận ý kiến của công dân.</p>
      <p class="en">This tablet is not paired with the center yet.</p>
      ${pairing.code
        ? html`<p>Mã ghép đang chờ duyệt: <span class="code">${formatPairingCode(pairing.code)}</span></p>`
        : null}
      <a class="pair" href=${pairUrl('rating', this.counterNumber || null)}>Ghép máy này <span class="en">Pair this tablet</span></a>
    </div>`;
  }

  private body() {
    switch (this.phase) {
      case 'idle':
        return html`<div class="idle">
          <h1>Xin kính chào ông/bà</h1>
          <p>Sau khi hoàn thành thủ tục, mời ông/bà đánh giá mức độ hài lòng tại đây.</p>
          <p class="en">After your visit, please rate our service here.</p>
        </div>`;
      case 'ask':
        return html`<h1>Ông/bà có hài lòng với sự phục vụ của quầy ${this.counterNumber}?</h1>
          <p class="ticket">Số ${this.ticket?.number}</p>
          <p class="en">How satisfied are you with our service?</p>
          <div class="faces" role="group" aria-label="Mức độ hài lòng">
            ${LEVELS.map(
              (l) => html`<button class="face" data-level=${l.level} @click=${() => this.pick(l.level)}>
                ${face(l.level, l.color)}<span class="vi">${l.vi}</span><span class="en">${l.en}</span>
              </button>`,
            )}
          </div>`;
      case 'reasons': {
        const level = LEVELS.find((l) => l.level === this.level)!;
        return html`<h1>${level.vi}</h1>
          <p>Ông/bà có thể chọn thêm lý do (không bắt buộc):</p>
          <div class="chips">
            ${reasonsFor(level.level, this.serverReasons).map(
              (r) => html`<button class="chip" data-reason=${r.id} aria-pressed=${this.chosen.includes(r.id) ? 'true' : 'false'} @click=${() => this.toggle(r.id)}>
                ${r.label}<span class="en">${r.labelEn}</span>
              </button>`,
            )}
          </div>
          <button class="send" @click=${() => this.send()}>Gửi đánh giá <span class="en">Send</span></button>`;
      }
      case 'thanks':
        return html`<div class="idle" role="status">
          <h1>Xin cảm ơn ông/bà!</h1>
          <p>Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.</p>
          <p class="en">Thank you for your feedback.</p>
        </div>`;
      case 'failed':
        return html`<div class="idle" role="alert">
          <h1>Chưa gửi được đánh giá</h1>
          <p>Xin lỗi ông/bà, hệ thống đang bận. Mời ông/bà thử lại.</p>
          <button class="send" @click=${() => this.send()}>Thử lại <span class="en">Try again</span></button>
        </div>`;
    }
  }

  private pick(level: RatingLevel) {
    this.level = level;
    this.go('reasons');
  }

  private toggle(reason: string) {
    this.chosen = this.chosen.includes(reason) ? this.chosen.filter((r) => r !== reason) : [...this.chosen, reason];
    // Still choosing: give the citizen the full time again.
    this.go('reasons');
  }

  private async send() {
    if (!this.ticket || !this.level) return this.go('idle');
    clearTimeout(this.timer);
    try {
      await api('/api/ratings', { method: 'POST', body: { ticketId: this.ticket.id, level: this.level, reasons: this.chosen } });
      emit(this, 'qm-rated', { level: this.level });
      this.go('thanks');
    } catch (err) {
      // Rated already (another tap, another tablet): the citizen's opinion is recorded, so thank them.
      if (err instanceof ApiError && (err.code === 'DEVICE_NOT_PAIRED' || err.code === 'DEVICE_KIND_MISMATCH')) {
        // Revoked while in use: stop asking citizens for ratings that cannot be sent.
        this.go('idle');
        void this.checkDevice();
        return;
      }
      this.go(err instanceof ApiError && err.code === 'ALREADY_RATED' ? 'thanks' : 'failed');
    }
  }
}
