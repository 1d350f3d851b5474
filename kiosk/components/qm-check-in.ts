/**
 * qm-check-in — "Đã đặt lịch hẹn? Nhận số tại đây": the citizen types the booking code on a keyboard of the code's
 * own characters, or scans the booking's QR or their CCCD (the kiosk's scan buffer catches those on any screen).
 *
 * @property locale 'vi' | 'en'
 * @property busy   a check-in is on its way (the keys and the button rest)
 * @property note   a line under the code (e.g. the scan could not be read)
 * @fires qm-check-in-requested {code} — six characters of the code's alphabet
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, isBookingCode } from '../../protocol/appointments';
import { emit } from '../lib/events';
import { t, type Lang } from '../lib/i18n';
import { base } from './shared-styles';

export class QmCheckIn extends LitElement {
  @property() locale: Lang = 'vi';
  @property({ type: Boolean }) busy = false;
  @property() note = '';
  @state() code = '';

  static override styles = [
    base,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 22px;
      }
      h2 {
        margin: 0;
        font-size: calc(44px * var(--_kb));
        color: var(--_primary);
      }
      .hint {
        margin: 0;
        font-size: calc(30px * var(--_k));
        color: var(--_muted);
        line-height: 1.35;
      }
      .boxes {
        display: flex;
        gap: 14px;
        justify-content: center;
        margin: 8px 0;
      }
      .box {
        width: 136px;
        height: 164px;
        display: grid;
        place-items: center;
        border: 4px solid var(--_line);
        border-radius: 16px;
        background: var(--_paper);
        font-size: calc(80px * var(--_kb));
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0;
      }
      .box.next {
        border-color: var(--_primary);
        box-shadow: 0 0 0 4px rgb(10 75 143 / 0.25);
      }
      .note {
        margin: 0;
        padding: 14px 20px;
        border-radius: 14px;
        background: var(--_warn-bg);
        color: var(--_warn-ink);
        font-size: calc(28px * var(--_k));
        font-weight: 600;
      }
      .actions {
        display: flex;
        justify-content: center;
      }
      .submit {
        min-height: 110px;
        min-width: 520px;
        font-size: calc(40px * var(--_kb));
      }
    `,
  ];

  /** Empties the typed code (the kiosk calls it when the screen opens for a new citizen). */
  clear(): void {
    this.code = '';
  }

  private onKey(key: string) {
    if (this.busy) return;
    if (key === 'backspace') this.code = this.code.slice(0, -1);
    else if (key === 'clear') this.code = '';
    else if (key.length === 1 && BOOKING_CODE_ALPHABET.includes(key.toUpperCase()) && this.code.length < BOOKING_CODE_LENGTH) this.code += key.toUpperCase();
  }

  private submit() {
    if (!this.busy && isBookingCode(this.code)) emit(this, 'qm-check-in-requested', { code: this.code });
  }

  override render() {
    const L = (key: Parameters<typeof t>[1]) => t(this.locale, key);
    const chars = [...this.code];
    return html`<h2 id="check-in-title">${L('checkInTitle')}</h2>
      <p class="hint">${L('checkInHint')}</p>
      <div class="boxes" role="group" aria-labelledby="check-in-title" data-testid="check-in-code" data-code=${this.code}>
        ${Array.from({ length: BOOKING_CODE_LENGTH }, (_, i) => html`<span class="box ${i === chars.length ? 'next' : ''}" aria-hidden="true">${chars[i] ?? ''}</span>`)}
        <span class="visually-hidden" aria-live="polite">${this.code ? `${L('checkInTyped')} ${chars.join(' ')}` : L('checkInEmpty')}</span>
      </div>
      ${this.note ? html`<p class="note" role="alert">${this.note}</p>` : null}
      <qm-onscreen-keyboard layout="code" .locale=${this.locale} @qm-key-pressed=${(e: CustomEvent<{ key: string }>) => this.onKey(e.detail.key)}></qm-onscreen-keyboard>
      <div class="actions">
        <button class="btn submit" data-testid="check-in-submit" ?disabled=${this.busy || !isBookingCode(this.code)} @click=${() => this.submit()}>${L('checkInSubmit')}</button>
      </div>`;
  }
}
