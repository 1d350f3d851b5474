/**
 * `<qm-counter-picker>`: choose the counter this browser works at.
 *
 * @property counters - counters from the live view
 * @property me - the signed-in account (counters bound to others are disabled for staff)
 * @fires qm-counter-picked - detail: { counterId }
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { StaffCounterView } from '../../protocol/realtime';
import { emit, type Me } from '../lib/events';
import { t } from '../lib/i18n';
import { theme } from './theme';

export class QmCounterPicker extends LitElement {
  static override styles = [
    theme,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: 1rem;
      }
      button {
        text-align: left;
        padding: 1rem;
        min-height: 96px;
        display: grid;
        gap: 0.3rem;
      }
      .n {
        font-size: 1.6rem;
        font-weight: 700;
        color: var(--qm-blue);
      }
    `,
  ];

  @property({ attribute: false }) counters: StaffCounterView[] = [];
  @property({ attribute: false }) me: Me | null = null;

  override render() {
    return html`<h2>${t('pick.title')}</h2>
      <p class="muted">${t('pick.hint')}</p>
      <div class="grid">
        ${this.counters
          .filter((c) => c.active)
          .map((c) => {
            const boundElsewhere = c.staffId !== null && c.staffId !== this.me?.id && this.me?.role === 'staff';
            return html`<button ?disabled=${boundElsewhere} @click=${() => emit(this, 'qm-counter-picked', { counterId: c.id })} data-counter=${c.number}>
              <span class="n">${t('counter.heading', { number: c.number })}</span>
              <span>${c.name}</span>
              ${boundElsewhere ? html`<span class="muted">${t('pick.bound')}</span>` : null}
            </button>`;
          })}
      </div>`;
  }
}
