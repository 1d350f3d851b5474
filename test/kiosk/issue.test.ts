import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, type KioskApi, type RequestOptions } from '../../kiosk/lib/api';
import { TicketIssuer } from '../../kiosk/lib/issue';

/** A fake REST client: each call takes the next scripted answer. */
function fakeApi(script: (() => unknown)[]) {
  const calls: RequestOptions[] = [];
  const api = {
    async request(_path: string, options: RequestOptions) {
      calls.push(options);
      const next = script.shift();
      if (!next) throw new Error('unexpected request');
      return { data: next(), headers: new Headers() };
    },
  } as unknown as KioskApi;
  return { api, calls };
}

const ticket = { id: 't1', number: 'A001' };
const down = () => {
  throw new NetworkError('offline');
};
const noSleep = async () => {};
const options = (extra = {}) => ({ kioskId: () => 'K1', lang: () => 'vi' as const, sleep: noSleep, retryDelaysMs: [1, 1, 1], ...extra });
const keyOf = (o: RequestOptions) => o.headers?.['idempotency-key'];

describe('TicketIssuer', () => {
  it('retries a lost answer with the same Idempotency-Key and returns the server’s ticket', async () => {
    const { api, calls } = fakeApi([down, down, () => ticket]);
    const attempts: number[] = [];
    const issuer = new TicketIssuer(api, options({ onAttempt: (n: number) => attempts.push(n) }));
    const out = await issuer.issue({ serviceId: 'svc-hotich', priorityId: null });
    expect(out).toEqual({ kind: 'issued', ticket });
    expect(attempts).toEqual([1, 2, 3]);
    expect(new Set(calls.map(keyOf)).size).toBe(1);
    expect(calls[0].body).toEqual({ serviceId: 'svc-hotich', kioskId: 'K1', lang: 'vi' });
  });

  it('ignores a second tap while the first is in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const calls: RequestOptions[] = [];
    const api = {
      async request(_p: string, o: RequestOptions) {
        calls.push(o);
        await gate;
        return { data: ticket, headers: new Headers() };
      },
    } as unknown as KioskApi;
    const issuer = new TicketIssuer(api, options());
    const first = issuer.issue({ serviceId: 's', priorityId: null });
    const second = await issuer.issue({ serviceId: 's', priorityId: null });
    expect(second).toEqual({ kind: 'busy' });
    release();
    expect((await first).kind).toBe('issued');
    expect(calls.length).toBe(1);
  });

  it('gives up after the last retry without inventing a ticket, and reuses the key for the same choice', async () => {
    const { api, calls } = fakeApi([down, down, down, down, () => ticket]);
    let now = 0;
    const issuer = new TicketIssuer(api, options({ now: () => now }));
    expect(await issuer.issue({ serviceId: 's', priorityId: 'p' })).toEqual({ kind: 'unreachable' });
    expect(calls.length).toBe(4);
    now += 60_000;
    // The first request may have committed: tapping the same tile again must not make a second ticket.
    expect((await issuer.issue({ serviceId: 's', priorityId: 'p' })).kind).toBe('issued');
    expect(keyOf(calls[4])).toBe(keyOf(calls[0]));
  });

  it('uses a new key for a different choice, for a later intention, and after a success', async () => {
    const { api, calls } = fakeApi([down, down, down, down, () => ticket, () => ticket, () => ticket]);
    let now = 0;
    const issuer = new TicketIssuer(api, options({ now: () => now, pendingKeyMs: 120_000 }));
    await issuer.issue({ serviceId: 's', priorityId: null });
    await issuer.issue({ serviceId: 'other', priorityId: null });
    expect(keyOf(calls[4])).not.toBe(keyOf(calls[0]));
    await issuer.issue({ serviceId: 'other', priorityId: null });
    expect(keyOf(calls[5])).not.toBe(keyOf(calls[4]));
    now += 200_000;
    await issuer.issue({ serviceId: 's', priorityId: null });
    expect(keyOf(calls[6])).not.toBe(keyOf(calls[0]));
  });

  it('passes the server’s refusal through and does not retry it', async () => {
    const { api, calls } = fakeApi([
      () => {
        throw new ApiError(409, 'DAILY_QUOTA_REACHED', 'Dịch vụ “Hộ tịch” đã hết số trong ngày hôm nay (1 số).');
      },
    ]);
    const out = await new TicketIssuer(api, options()).issue({ serviceId: 's', priorityId: null });
    expect(out).toEqual({ kind: 'refused', code: 'DAILY_QUOTA_REACHED', message: 'Dịch vụ “Hộ tịch” đã hết số trong ngày hôm nay (1 số).' });
    expect(calls.length).toBe(1);
  });
});
