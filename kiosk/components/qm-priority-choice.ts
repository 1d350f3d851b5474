/**
 * qm-priority-choice — the priority groups of the center, each a picture button.
 * Shown as a band on the home screen (compact) or as a screen of its own when the
 * center configures many groups.
 *
 * @property priorities the center's active categories
 * @property locale       'vi' | 'en'
 * @property compact    a band of buttons under a heading (home screen)
 * @property prominent  the elderly-first home: the band at the top, with larger pictures and text
 * @property disabled   while the server is unreachable
 * @fires qm-priority-selected {priorityId}
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { PriorityCategory } from '../../protocol/domain';
import { emit } from '../lib/events';
import { icon } from '../lib/icons';
import { t, type Lang } from '../lib/i18n';
import { base } from './shared-styles';

export class QmPriorityChoice extends LitElement {
  @property({ attribute: false }) priorities: PriorityCategory[] = [];
  @property() locale: Lang = 'vi';
  @property({ type: Boolean, reflect: true }) compact = false;
  @property({ type: Boolean, reflect: true }) prominent = false;
  @property({ type: Boolean }) disabled = false;

  static override styles = [
    base,
    css`
      .head {
        display: flex;
        align-items: center;
        gap: 16px;
        color: var(--_priority);
        margin: 0 0 12px;
      }
      h2 {
        margin: 0;
        font-size: calc(40px * var(--_kb));
      }
      .hint {
        font-size: calc(26px * var(--_k));
        color: var(--_muted);
        margin: 0 0 12px;
      }
      ul {
        gap: 16px;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr));
      }
      /* On the home screen: as large as the service tiles' text, in as many columns as fit. */
      :host([compact]) ul {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, calc(300px * var(--_k))), 1fr));
        gap: 12px;
      }
      button {
        width: 100%;
        height: 100%;
        display: flex;
        align-items: center;
        gap: 16px;
        padding: 16px 20px;
        background: var(--_priority);
        color: #fff;
        text-align: left;
        font-size: calc(30px * var(--_k));
        font-weight: 700;
        line-height: 1.2;
      }
      :host([compact]) button {
        font-size: calc(30px * var(--_k));
        padding: 12px 16px;
        gap: 14px;
        min-height: 96px;
      }
      :host([prominent]) h2 {
        font-size: calc(44px * var(--_kb));
      }
      /* Two columns in portrait even with large text: five groups stay above the fold with the services. */
      :host([prominent]) ul {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
        gap: 16px;
      }
      :host([prominent]) button {
        font-size: calc(36px * var(--_kb));
        padding: 12px 20px;
        gap: 18px;
        min-height: 104px;
        box-shadow: 0 4px 0 rgba(0, 0, 0, 0.25);
      }
      /* Landscape: the band is wide and the screen short — every group in one row, picture above its name. */
      @container kiosk (min-width: 1400px) {
        :host([compact]) ul {
          grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
        }
        :host([compact]) button {
          flex-direction: column;
          justify-content: center;
          text-align: center;
          font-size: calc(26px * var(--_k));
          gap: 6px;
        }
        :host([prominent]) ul {
          grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        }
        :host([prominent]) button {
          flex-direction: row;
          text-align: left;
          gap: 14px;
          font-size: calc(30px * var(--_kb));
          min-height: 96px;
        }
        :host([prominent]) .icon {
          width: 72px;
          height: 72px;
        }
        /* With large text the short screen keeps the services in view: the groups' pictures and names say it all. */
        @container style(--qm-text-scale: 1.4) {
          .hint {
            display: none;
          }
          :host([compact]) .icon {
            width: 52px;
            height: 52px;
          }
          :host([compact]) button {
            gap: 2px;
            padding: 8px 6px;
          }
          :host([prominent]) h2 {
            font-size: calc(40px * var(--_kb));
          }
          :host([prominent]) .icon {
            width: 56px;
            height: 56px;
          }
          :host([prominent]) button {
            min-height: 80px;
            padding: 8px 14px;
          }
        }
      }
      .icon {
        flex: none;
        width: 80px;
        height: 80px;
      }
      :host([compact]) .icon {
        width: 64px;
        height: 64px;
      }
      :host([prominent]) .icon {
        width: 96px;
        height: 96px;
      }
    `,
  ];

  override render() {
    return html`<section aria-labelledby="priority-title">
      <div class="head">${icon('priority', 48)}<h2 id="priority-title">${this.compact ? t(this.locale, 'priorityTitle') : t(this.locale, 'priorityAsk')}</h2></div>
      ${this.compact && !this.prominent ? html`<p class="hint">${t(this.locale, 'priorityHint')}</p>` : null}
      <ul role="list">
        ${this.priorities.map(
          (p) => html`<li>
            <button data-priority=${p.id} ?disabled=${this.disabled} @click=${() => emit(this, 'qm-priority-selected', { priorityId: p.id })}>
              ${icon(p.icon, 80)}<span>${this.locale === 'en' ? p.nameEn || p.name : p.name}</span>
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
