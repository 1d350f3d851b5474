/**
 * Registers every kiosk tag. The component modules only declare their classes, so a
 * page (or a test) can import a class without side effects and register it itself.
 */
import { QmKiosk } from './components/qm-kiosk';
import { QmServiceGrid } from './components/qm-service-grid';
import { QmPriorityChoice } from './components/qm-priority-choice';
import { QmTicketIssued } from './components/qm-ticket-issued';
import { QmQrCode } from './components/qm-qr-code';
import { QmProcedureSearch } from './components/qm-procedure-search';
import { QmProcedureDetail } from './components/qm-procedure-detail';
import { QmOnscreenKeyboard } from './components/qm-onscreen-keyboard';
import { QmLanguageSwitch } from './components/qm-language-switch';
import { QmOfflineBanner } from './components/qm-offline-banner';
import { QmCheckIn } from './components/qm-check-in';

const TAGS: [string, CustomElementConstructor][] = [
  ['qm-kiosk', QmKiosk],
  ['qm-service-grid', QmServiceGrid],
  ['qm-priority-choice', QmPriorityChoice],
  ['qm-ticket-issued', QmTicketIssued],
  ['qm-qr-code', QmQrCode],
  ['qm-procedure-search', QmProcedureSearch],
  ['qm-procedure-detail', QmProcedureDetail],
  ['qm-onscreen-keyboard', QmOnscreenKeyboard],
  ['qm-language-switch', QmLanguageSwitch],
  ['qm-offline-banner', QmOfflineBanner],
  ['qm-check-in', QmCheckIn],
];

// A host page may load the bundle twice (or define a tag itself): never throw on a repeat.
for (const [tag, cls] of TAGS) if (!customElements.get(tag)) customElements.define(tag, cls);

declare global {
  interface HTMLElementTagNameMap {
    'qm-kiosk': QmKiosk;
    'qm-service-grid': QmServiceGrid;
    'qm-priority-choice': QmPriorityChoice;
    'qm-ticket-issued': QmTicketIssued;
    'qm-qr-code': QmQrCode;
    'qm-procedure-search': QmProcedureSearch;
    'qm-procedure-detail': QmProcedureDetail;
    'qm-onscreen-keyboard': QmOnscreenKeyboard;
    'qm-language-switch': QmLanguageSwitch;
    'qm-offline-banner': QmOfflineBanner;
    'qm-check-in': QmCheckIn;
  }
}
