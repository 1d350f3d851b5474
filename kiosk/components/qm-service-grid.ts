/**
 * qm-service-grid — big tiles, one per open service: pictogram, name, people waiting, estimated wait.
 * One tap asks for a ticket.
 *
 * @property services  services with live figures (`waiting`, `etaMinutes`)
 * @property locale      'vi' | 'en'
 * @property priorityId priority category already chosen, sent along with the request
 * @property disabled  true while the server is unreachable (tiles stay visible but inert)
 * @fires qm-ticket-requested {serviceId, priorityId}
 * @csspart tile — each service button
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Service } from '../../protocol/domain';
import type { EtaRange } from '../../protocol/wait-estimate';
import { emit } from '../lib/events';
import { icon } from '../lib/icons';
import { t, type Lang } from '../lib/i18n';
import { waitText } from '../lib/wait-text';
import { base } from './shared-styles';

export type KioskService = Service & { waiting: number; etaMinutes: number; etaRange?: EtaRange };

export class QmServiceGrid extends LitElement {
  @property({ attribute: false }) services: KioskService[] = [];
  @property() locale: Lang = 'vi';
  @property({ attribute: false }) priorityId: string | null = null;
  @property({ type: Boolean }) disabled = false;

  static override styles = [
    base,
    css`
      /* Tiles share the height; a tile never gets shorter than its text (with large text the grid scrolls instead). */
      :host {
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      ul {
        height: 100%;
        gap: var(--qm-tile-gap, 20px);
        grid-auto-rows: minmax(max-content, 1fr);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr));
      }
      button {
        width: 100%;
        height: 100%;
        min-height: 200px;
        display: grid;
        grid-template-columns: auto 1fr;
        grid-template-rows: auto auto;
        align-content: center;
        align-items: center;
        column-gap: 20px;
        row-gap: 8px;
        padding: var(--qm-tile-pad, 20px 24px);
        text-align: left;
        background: var(--_tile, var(--_primary));
        color: var(--_primary-ink);
        box-shadow: 0 4px 0 rgba(0, 0, 0, 0.25);
      }
      .icon {
        flex: none;
        grid-row: var(--qm-tile-icon-rows, 1 / span 2);
        width: var(--qm-tile-icon, 96px);
        height: var(--qm-tile-icon, 96px);
      }
      .name {
        font-size: calc(40px * var(--_kb));
        font-weight: 700;
        line-height: 1.15;
      }
      .figures {
        grid-column: var(--qm-tile-figures-columns, auto);
        font-size: calc(26px * var(--_k));
        line-height: 1.3;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 20px;
      }
      .figures b {
        font-size: calc(30px * var(--_k));
      }
    `,
  ];

  override render() {
    return html`<ul role="list">
      ${this.services.map((s) => {
        const name = this.locale === 'en' ? s.nameEn || s.name : s.name;
        const eta = waitText(this.locale, 'tile', s.etaMinutes, s.etaRange);
        return html`<li>
          <button part="tile" data-service=${s.id} ?disabled=${this.disabled} @click=${() => this.request(s.id)}>
            ${icon(s.icon, 96)}
            <span class="name">${name}</span>
            <span class="figures"><span>${t(this.locale, 'waiting', { n: s.waiting })}</span><span>${eta}</span></span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private request(serviceId: string) {
    if (this.disabled) return;
    emit(this, 'qm-ticket-requested', { serviceId, priorityId: this.priorityId });
  }
}
