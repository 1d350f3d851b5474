/**
 * qm-qr-code — a QR code drawn client-side as SVG (works offline, no image request).
 *
 * @property value the text or URL to encode
 * @property label accessible name (role="img")
 * @cssprop --qm-qr-size edge length, default 240px
 */
import { LitElement, css, html, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { qrPath, QUIET_ZONE } from '../lib/qr';

export class QmQrCode extends LitElement {
  @property() value = '';
  @property() label = '';

  static override styles = css`
    :host {
      display: inline-block;
      width: var(--qm-qr-size, 240px);
      height: var(--qm-qr-size, 240px);
      background: #fff;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `;

  private cache: { value: string; path: ReturnType<typeof qrPath> } | null = null;

  override render() {
    if (!this.value) return null;
    if (this.cache?.value !== this.value) this.cache = { value: this.value, path: qrPath(this.value) };
    const { size, d } = this.cache.path;
    const box = size + 2 * QUIET_ZONE;
    return html`<svg role="img" aria-label=${this.label} viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges">
      ${svg`<rect width=${box} height=${box} fill="#fff"/><path d=${d} fill="#000"/>`}
    </svg>`;
  }
}
