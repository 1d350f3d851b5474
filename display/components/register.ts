/**
 * Registers every display tag. Component modules define classes only, so
 * importing one (tests, other pages) has no side effects; pages import this.
 */
import { QmCallHistory } from './qm-call-history';
import { QmCallSpotlight } from './qm-call-spotlight';
import { QmConnectionMark } from './qm-connection-mark';
import { QmCounterDisplay } from './qm-counter-display';
import { QmDisplayHeader } from './qm-display-header';
import { QmHallDisplay } from './qm-hall-display';
import { QmNoticeTicker } from './qm-notice-ticker';
import { QmWaitingBoard } from './qm-waiting-board';

const tags = {
  'qm-call-history': QmCallHistory,
  'qm-call-spotlight': QmCallSpotlight,
  'qm-connection-mark': QmConnectionMark,
  'qm-counter-display': QmCounterDisplay,
  'qm-display-header': QmDisplayHeader,
  'qm-hall-display': QmHallDisplay,
  'qm-notice-ticker': QmNoticeTicker,
  'qm-waiting-board': QmWaitingBoard,
};

for (const [tag, element] of Object.entries(tags)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'qm-call-history': QmCallHistory;
    'qm-call-spotlight': QmCallSpotlight;
    'qm-connection-mark': QmConnectionMark;
    'qm-counter-display': QmCounterDisplay;
    'qm-display-header': QmDisplayHeader;
    'qm-hall-display': QmHallDisplay;
    'qm-notice-ticker': QmNoticeTicker;
    'qm-waiting-board': QmWaitingBoard;
  }
}
