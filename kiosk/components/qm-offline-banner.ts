/**
 * qm-offline-banner — says plainly that the server cannot be reached and that the
 * kiosk keeps trying. Announced by screen readers (role="alert").
 *
 * @property locale 'vi' | 'en'
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { icon } from '../lib/icons';
import { t, type Lang } from '../lib/i18n';
import { base } from './shared-styles';

export class QmOfflineBanner extends LitElement {
  @property() locale: Lang = 'vi';

  static override styles = [
    base,
    css`
      div {
        display: flex;
        gap: 20px;
        align-items: center;
        padding: 16px 24px;
        background: var(--_danger);
        color: #fff;
        border-radius: var(--_radius);
      }
      strong {
        display: block;
        font-size: calc(32px * var(--_k));
      }
      span {
        font-size: calc(26px * var(--_k));
      }
      .icon {
        flex: none;
      }
    `,
  ];

  override render() {
    return html`<div role="alert" data-testid="offline">
      ${icon('offline', 64)}
      <p style="margin:0"><strong>${t(this.locale, 'offline')}</strong><span>${t(this.locale, 'offlineDetail')}</span></p>
    </div>`;
  }
}
