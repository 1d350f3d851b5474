/** Entry of the phone ticket page (/t/:ticketId). */
import { QmPhoneTicket } from './components/qm-phone-ticket';

if (!customElements.get('qm-phone-ticket')) customElements.define('qm-phone-ticket', QmPhoneTicket);

declare global {
  interface HTMLElementTagNameMap {
    'qm-phone-ticket': QmPhoneTicket;
  }
}
