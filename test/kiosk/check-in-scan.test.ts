/** The kiosk's scanner buffer (bursts ending in Enter) and its check-in client (one key per intended check-in). */
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, type KioskApi, type RequestOptions } from '../../kiosk/lib/api';
import { CheckInClient } from '../../kiosk/lib/check-in';
import { classifyScan, ScanBuffer, type Scan } from '../../kiosk/lib/scanner';

/** A made-up card of the real shape (no real person). */
const CARD = '001190012345|123456789|Nguyen Van An|01021950|Nam|12 Hang Bac, Hoan Kiem, Ha Noi|15062021';

describe('classifyScan', () => {
  it('tells a CCCD, a booking code (alone, in any case, or in a URL) and anything else apart', () => {
    expect(classifyScan(CARD + '\r')).toEqual({ kind: 'cccd', text: CARD });
    expect(classifyScan('abc-234')).toEqual({ kind: 'code', code: 'ABC234' });
    expect(classifyScan('http://hall.test/book/?code=K7M2QX')).toEqual({ kind: 'code', code: 'K7M2QX' });
    // 0, O, 1, I, L and U are not in the code's alphabet; a bad card is not a card.
    expect(classifyScan('ABC10O').kind).toBe('unknown');
    expect(classifyScan('001190012345||Nguyen Van An|31021950|Nam|x|15062021').kind).toBe('unknown');
  });
});

describe('ScanBuffer', () => {
  function feed(keys: string[], gaps: number[]) {
    let now = 0;
    const scans: Scan[] = [];
    const buffer = new ScanBuffer((s) => scans.push(s), { now: () => now, maxGapMs: 80 });
    const ended = keys.map((k, i) => {
      now += gaps[i] ?? 5;
      return buffer.key(k);
    });
    return { scans, ended };
  }

  it('hands over a fast burst ending in Enter, and only that', () => {
    const { scans, ended } = feed([...'K7M2QX', 'Enter'], []);
    expect(scans).toEqual([{ kind: 'code', code: 'K7M2QX' }]);
    expect(ended.at(-1)).toBe(true);
  });

  it('reads a whole card typed with Shift for the bars', () => {
    const keys = [...CARD].flatMap((c) => (c === '|' ? ['Shift', '|'] : [c]));
    expect(feed([...keys, 'Enter'], []).scans).toEqual([{ kind: 'cccd', text: CARD }]);
  });

  it('ignores slow keys (a person), a lone Enter and a short burst', () => {
    const slow = feed([...'K7M2QX', 'Enter'], [5, 400, 400, 400, 400, 400, 400]);
    expect(slow.scans).toEqual([]);
    expect(slow.ended.at(-1)).toBe(false);
    expect(feed(['Enter'], []).scans).toEqual([]);
    expect(feed([...'K7M', 'Enter'], []).scans).toEqual([]);
  });
});

function fakeApi(script: (() => unknown)[]) {
  const calls: { path: string; options: RequestOptions }[] = [];
  const api = {
    async request(path: string, options: RequestOptions) {
      calls.push({ path, options });
      const next = script.shift();
      if (!next) throw new Error('unexpected request');
      return { data: next(), headers: new Headers() };
    },
  } as unknown as KioskApi;
  return { api, calls };
}
const down = () => {
  throw new NetworkError('offline');
};
const keyOf = (o: RequestOptions) => o.headers?.['idempotency-key'];

describe('CheckInClient', () => {
  it('retries an unanswered check-in with the same key, and gets the server’s ticket', async () => {
    const { api, calls } = fakeApi([down, down, () => ({ id: 't1', number: 'A001' })]);
    const attempts: number[] = [];
    const client = new CheckInClient(api, { sleep: async () => {}, retryDelaysMs: [1, 1, 1], onAttempt: (n) => attempts.push(n) });
    expect(await client.checkIn({ code: 'K7M2QX' })).toEqual({ kind: 'issued', ticket: { id: 't1', number: 'A001' } });
    expect(attempts).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.path)).toEqual(Array(3).fill('/api/appointments/K7M2QX/check-in'));
    expect(new Set(calls.map((c) => keyOf(c.options))).size).toBe(1);
  });

  it('keeps the key for the same code after giving up, and takes a new one for another code', async () => {
    const { api, calls } = fakeApi([down, down, down, () => ({ id: 't1' }), () => ({ id: 't2' })]);
    const client = new CheckInClient(api, { sleep: async () => {}, retryDelaysMs: [1] });
    expect(await client.checkIn({ code: 'K7M2QX' })).toEqual({ kind: 'unreachable' });
    await client.checkIn({ code: 'K7M2QX' });
    await client.checkIn({ code: 'ABC234' });
    const keys = calls.map((c) => keyOf(c.options));
    expect(new Set(keys.slice(0, 4)).size).toBe(1);
    expect(keys[4]).not.toBe(keys[0]);
  });

  it('passes a refusal on with the service the server named; a card goes in the body of the card route', async () => {
    const refusal = () => {
      throw new ApiError(409, 'CHECK_IN_TOO_EARLY', 'Chưa đến giờ', { serviceId: 'svc-hotich' });
    };
    const { api, calls } = fakeApi([refusal, () => ({ id: 't1' })]);
    const client = new CheckInClient(api, { sleep: async () => {} });
    expect(await client.checkIn({ code: 'K7M2QX' })).toEqual({ kind: 'refused', status: 409, code: 'CHECK_IN_TOO_EARLY', message: 'Chưa đến giờ', serviceId: 'svc-hotich' });
    await client.checkIn({ cccd: CARD });
    expect(calls[1].path).toBe('/api/appointments/check-in');
    expect(calls[1].options.body).toEqual({ cccd: CARD });
  });
});
