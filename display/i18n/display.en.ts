import type { DisplayMessages } from './display.vi';

/** English subtitle lines (?lang=en): shown under the Vietnamese, never instead of it. */
export const displayEn: DisplayMessages = {
  nowCalling: 'Now calling ticket',
  toCounter: 'please go to counter',
  counter: 'Counter',
  counterShort: 'Counter',
  staff: 'Officer',
  recall: 'Recall',
  priority: 'Priority',
  history: 'Recent calls',
  waiting: 'Waiting',
  waitingUnit: 'waiting',
  noCallsYet: 'No number called yet',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting',
  serving: 'Now serving',
  called: 'Please come to the counter',
  idle: 'Ready – waiting for the next call',
  paused: 'Paused',
  counterInactive: 'Counter not in use',
  counterNotFound: 'Counter {number} not found',
  service: 'Service',
  number: 'Number',
};
