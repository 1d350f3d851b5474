/** Entry of the booking page (/book/). */
import { QmBook } from './components/qm-book';
import { QmQrCode } from '../kiosk/components/qm-qr-code';

for (const [tag, cls] of [['qm-book', QmBook], ['qm-qr-code', QmQrCode]] as const) if (!customElements.get(tag)) customElements.define(tag, cls);

declare global {
  interface HTMLElementTagNameMap {
    'qm-book': QmBook;
  }
}
