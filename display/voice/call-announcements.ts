/**
 * Turns a `ticket:called` event into the queued call the sequencer speaks.
 */
import type { CallRecord, PublicSnapshot } from '../../protocol/realtime';
import { callId } from '../lib/queue-reducer';
import { buildAnnouncement, type Announcement } from './announcement';
import type { QueuedCall } from './sequencer';

export type VoiceSettings = Pick<PublicSnapshot['center'], 'voiceVariant' | 'voiceDigitByDigit' | 'announceEnglish'>;

/** The queue's key of a call: the displays' identity of a call (a replay maps to the same key, a recall to a new one). */
export const callKey = callId;

export function announcementsForCall(call: CallRecord, settings: VoiceSettings): QueuedCall {
  const common = {
    number: call.ticket.number,
    counterNumber: call.counter.number,
    counterName: nameAddsToNumber(call.counter.name, call.counter.number) ? call.counter.name : undefined,
    recall: call.recall,
    variant: settings.voiceVariant,
    digitByDigit: settings.voiceDigitByDigit,
  };
  const parts: Announcement[] = [buildAnnouncement({ ...common, lang: 'vi' })];
  // One chime per call: the English repeat follows straight on.
  if (settings.announceEnglish) parts.push(buildAnnouncement({ ...common, lang: 'en', chime: false }));
  return { key: callKey(call), parts };
}

/** "Quầy 3" or "Quầy số 3" next to "quầy số 3" would only repeat itself on screen. */
function nameAddsToNumber(name: string, number: number): boolean {
  const plain = name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  return plain !== '' && plain !== `quầy ${number}` && plain !== `quầy số ${number}` && plain !== String(number);
}
