/** Small snapshots, updates and calls for the display's pure pieces. */
import type { CounterView, CallRecord, PublicSnapshot, PublicTicket, QueueUpdate } from '../../protocol/realtime';
import { DEFAULT_SETTINGS, DEMO_COUNTERS, DEMO_PRIORITIES, DEMO_SERVICES, demoCenter } from '../../server/seed/demo-center';

export const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);

export function ticket(number: string, patch: Partial<PublicTicket> = {}): PublicTicket {
  const service = DEMO_SERVICES.find((s) => s.prefix === number[0]) ?? DEMO_SERVICES[0];
  return {
    ref: `t-${number}`,
    number,
    serviceId: service.id,
    priorityId: null,
    status: 'called',
    counterId: null,
    issuedAt: T0 - 60_000,
    calledAt: T0,
    recallCount: 0,
    ...patch,
  };
}

export function counterView(number: number, patch: Partial<CounterView> = {}): CounterView {
  const counter = DEMO_COUNTERS.find((c) => c.number === number)!;
  return {
    ...counter,
    state: { counterId: counter.id, paused: false, pauseReason: null, priorityStreak: 0, updatedAt: T0 },
    currentTicket: null,
    servedToday: 0,
    staffName: null,
    ...patch,
  };
}

export function call(number: string, counterNumber: number, seq: number, at: number, recall = false): CallRecord {
  const counter = DEMO_COUNTERS.find((c) => c.number === counterNumber)!;
  return {
    ticket: ticket(number, { counterId: counter.id, calledAt: at }),
    counter: { id: counter.id, number: counter.number, name: counter.name },
    recall,
    at,
    seq,
  };
}

export function snapshot(patch: Partial<PublicSnapshot> = {}): PublicSnapshot {
  const center = demoCenter('Asia/Ho_Chi_Minh');
  return {
    seq: 10,
    serverTime: T0,
    businessDay: '2026-11-23',
    center: {
      id: center.id,
      name: center.name,
      nameEn: center.nameEn,
      address: center.address,
      timeZone: center.timeZone,
      noticeLine: DEFAULT_SETTINGS.noticeLine,
      noticeLineEn: DEFAULT_SETTINGS.noticeLineEn,
      voiceVariant: 'north',
      voiceDigitByDigit: false,
      announceEnglish: false,
      recallsBeforeNoShow: 2,
      kioskVoice: true,
      kioskVolume: 80,
      kioskLayout: 'standard',
    },
    services: DEMO_SERVICES,
    priorities: DEMO_PRIORITIES,
    counters: DEMO_COUNTERS.map((c) => counterView(c.number)),
    stats: DEMO_SERVICES.map((s) => ({ serviceId: s.id, waiting: 0, waitingPriority: 0, oldestQueuedAt: null, etaMinutes: 0, avgServiceMinutes: 8, issuedToday: 0, servedToday: 0 })),
    recentCalls: [],
    printers: [],
    ...patch,
  };
}

export function update(seq: number, patch: Partial<QueueUpdate> = {}): QueueUpdate {
  return { seq, at: T0, kinds: ['ticket.called'], tickets: [], counters: [], stats: [], ...patch };
}
