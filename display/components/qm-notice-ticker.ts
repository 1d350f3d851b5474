/**
 * `<qm-notice-ticker>`: the director's notice line, scrolling right to left at
 * a reading pace (speed follows the text length, not the screen width).
 *
 * Properties:
 * - `text` (string): Vietnamese notice (`center.noticeLine`)
 * - `textEn` (string): English notice, appended when `english` is set
 * - `english` (boolean)
 *
 * CSS part: `track`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { displayTheme } from './theme';

/** Seconds per character: about 12 characters a second, comfortable from a distance. */
const SECONDS_PER_CHAR = 0.085;

export class QmNoticeTicker extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        display: block;
        overflow: hidden;
        background: var(--qm-panel-2);
        border-top: 0.3vmin solid var(--qm-line);
        font-size: var(--qm-ticker-size, 3.2vmin);
        line-height: 1.6;
        white-space: nowrap;
      }
      .track {
        display: inline-block;
        padding-left: 100%;
        animation: scroll linear infinite;
      }
      @keyframes scroll {
        to {
          transform: translateX(-100%);
        }
      }
      .sep {
        color: var(--qm-number);
        margin: 0 1.5em;
      }
      @media (prefers-reduced-motion: reduce) {
        :host {
          white-space: normal;
        }
        .track {
          animation: none;
          padding: 0 2vw;
        }
      }
    `,
  ];

  @property() text = '';
  @property() textEn = '';
  @property({ type: Boolean }) english = false;

  override render() {
    const vi = this.text.trim();
    const en = this.english ? this.textEn.trim() : '';
    if (!vi && !en) return nothing;
    const seconds = Math.max(12, (vi.length + en.length + 40) * SECONDS_PER_CHAR * 2);
    // Started a little way in, so a freshly loaded screen shows words at once instead of an empty bar.
    return html`<div class="track" part="track" data-testid="notice" style=${styleMap({ animationDuration: `${seconds}s`, animationDelay: `${-seconds * 0.12}s` })}>
      ${vi}${vi && en ? html`<span class="sep">•</span>` : nothing}${en ? html`<span class="en">${en}</span>` : nothing}
    </div>`;
  }
}
