/**
 * qm-onscreen-keyboard — a Vietnamese touch keyboard without Telex: plain letters,
 * letters with hats and horns, tone keys, digits (for procedure codes), space,
 * delete and clear. Keys are at least 64 px; nothing depends on hover.
 *
 * @property locale 'vi' | 'en' (key names for screen readers)
 * @property layout 'text' (default: the Vietnamese keyboard) or 'code': only the characters of a booking code
 *                  (protocol/appointments.ts: no 0/O, 1/I/L, U), larger, with delete and clear
 * @fires qm-key-pressed {key} — a letter/digit, 'space', 'backspace', 'clear' or 'tone:acute|grave|hook|tilde|dot'
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from '../lib/events';
import { t, type Lang, type MessageKey } from '../lib/i18n';
import { base } from './shared-styles';
import { BOOKING_CODE_ALPHABET } from '../../protocol/appointments';

const ROWS = ['1234567890.', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'ăâđêôơư'];
/** The booking code's characters: its digits on one row, its letters in alphabetical rows of eight. */
const CODE_ROWS = (() => {
  const digits = [...BOOKING_CODE_ALPHABET].filter((c) => /\d/.test(c)).join('');
  const letters = [...BOOKING_CODE_ALPHABET].filter((c) => !/\d/.test(c)).join('');
  const rows = [digits];
  for (let i = 0; i < letters.length; i += 8) rows.push(letters.slice(i, i + 8));
  return rows;
})();

const TONE_KEYS: { tone: string; glyph: string; label: MessageKey }[] = [
  { tone: 'acute', glyph: 'á', label: 'toneAcute' },
  { tone: 'grave', glyph: 'à', label: 'toneGrave' },
  { tone: 'hook', glyph: 'ả', label: 'toneHook' },
  { tone: 'tilde', glyph: 'ã', label: 'toneTilde' },
  { tone: 'dot', glyph: 'ạ', label: 'toneDot' },
];

export class QmOnscreenKeyboard extends LitElement {
  @property() locale: Lang = 'vi';
  @property() layout: 'text' | 'code' = 'text';

  static override styles = [
    base,
    css`
      :host {
        user-select: none;
      }
      .kb {
        display: grid;
        gap: 10px;
        padding: 14px;
        background: #dfe6ee;
        border-radius: var(--_radius);
      }
      .row {
        display: flex;
        gap: 10px;
        justify-content: center;
      }
      button {
        flex: 1 1 0;
        max-width: 104px;
        height: 76px;
        font-size: calc(34px * var(--_k));
        font-weight: 700;
        background: #fff;
        color: var(--_ink);
        border: 2px solid var(--_line);
        border-radius: 12px;
        box-shadow: 0 3px 0 #9aa8b6;
      }
      .tone {
        background: #fff8e1;
      }
      .wide {
        max-width: none;
        flex: 3 1 0;
        font-size: calc(28px * var(--_k));
      }
      .code button {
        max-width: 118px;
        height: 108px;
        font-size: calc(40px * var(--_k));
      }
      .code .action {
        max-width: none;
        font-size: calc(28px * var(--_k));
      }
      .action {
        max-width: none;
        flex: 1.5 1 0;
        font-size: calc(26px * var(--_k));
        background: #eef2f6;
      }
    `,
  ];

  override render() {
    const key = (k: string, label: string, cls = '', shown = label) =>
      html`<button class=${cls} aria-label=${label} data-key=${k} @click=${() => emit(this, 'qm-key-pressed', { key: k })}>${shown}</button>`;
    if (this.layout === 'code') {
      return html`<div class="kb code" role="group" aria-label=${t(this.locale, 'keyboard')}>
        ${CODE_ROWS.map((row) => html`<div class="row">${[...row].map((c) => key(c, c))}</div>`)}
        <div class="row">
          ${key('clear', t(this.locale, 'keyClear'), 'action')} ${key('backspace', t(this.locale, 'keyBackspace'), 'action', `⌫ ${t(this.locale, 'keyBackspace')}`)}
        </div>
      </div>`;
    }
    return html`<div class="kb" role="group" aria-label=${t(this.locale, 'keyboard')}>
      ${ROWS.map((row) => html`<div class="row">${[...row].map((c) => key(c, c))}</div>`)}
      <div class="row">
        ${TONE_KEYS.map(
          (k) => html`<button class="tone" aria-label=${t(this.locale, k.label)} data-key="tone:${k.tone}" @click=${() => emit(this, 'qm-key-pressed', { key: `tone:${k.tone}` })}>${k.glyph}</button>`,
        )}
      </div>
      <div class="row">
        ${key('clear', t(this.locale, 'keyClear'), 'action')} ${key('space', t(this.locale, 'keySpace'), 'wide')} ${key('backspace', t(this.locale, 'keyBackspace'), 'action', `⌫ ${t(this.locale, 'keyBackspace')}`)}
      </div>
    </div>`;
  }
}
