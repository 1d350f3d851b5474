/**
 * `<qm-connection-mark>`: a discreet corner mark while the screen is not live.
 * A wall display must not alarm the hall over a two-second server restart, but
 * staff walking past should see that what it shows may be stale.
 *
 * Properties:
 * - `status`: 'connecting' | 'online' | 'offline' (reflected as an attribute)
 * - `english` (boolean)
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { LiveStatus } from '../../live/live-connection';
import { en, vi } from '../i18n';
import { displayTheme } from './theme';

export class QmConnectionMark extends LitElement {
  static override styles = [
    displayTheme,
    css`
      :host {
        position: fixed;
        right: 1vw;
        bottom: 1vmin;
        z-index: 10;
        pointer-events: none;
      }
      :host([status='online']) {
        display: none;
      }
      .mark {
        display: flex;
        align-items: center;
        gap: 0.6em;
        font-size: max(12px, 1.6vmin);
        padding: 0.35em 0.8em;
        border-radius: 999px;
        background: rgb(0 0 0 / 55%);
        color: var(--qm-muted);
      }
      .dot {
        width: 0.7em;
        height: 0.7em;
        border-radius: 50%;
        background: var(--qm-paused);
        animation: blink 1.6s ease-in-out infinite;
      }
      @keyframes blink {
        50% {
          opacity: 0.25;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .dot {
          animation: none;
        }
      }
    `,
  ];

  @property({ reflect: true }) status: LiveStatus = 'connecting';
  @property({ type: Boolean }) english = false;

  override render() {
    if (this.status === 'online') return nothing;
    const key = this.status === 'connecting' ? 'connecting' : 'reconnecting';
    return html`<div class="mark" role="status">
      <span class="dot"></span><span>${vi[key]}${this.english ? ` · ${en[key]}` : ''}</span>
    </div>`;
  }
}
