import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureDevice } from '../../devices/lib/ensure-device';
import type { DeviceMeReply, DeviceSelf } from '../../protocol/devices';

const paired: DeviceSelf = { id: 'd1', status: 'active', kind: 'rating', name: 'Máy đánh giá quầy 3', code: null, counterId: 'c3', counterNumber: 3, printerId: null };

/** A server that answers `me` and records what was asked to pair. */
function server(me: DeviceMeReply) {
  const pairs: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (url === '/api/devices/pair') {
      pairs.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(paired), { status: 201 });
    }
    return new Response(JSON.stringify(me), { status: 200 });
  });
  return pairs;
}

afterEach(() => vi.unstubAllGlobals());

describe('silent pairing', () => {
  it('pairs a browser that is no device when the center auto-approves, with its kind and counter', async () => {
    const pairs = server({ device: null, autoApprove: true });
    expect(await ensureDevice('rating', 3)).toEqual({ device: paired, autoApprove: true });
    expect(pairs).toEqual([{ kind: 'rating', counterNumber: 3 }]);
  });

  it('leaves it unpaired when the center does not auto-approve', async () => {
    const pairs = server({ device: null, autoApprove: false });
    expect(await ensureDevice('kiosk')).toEqual({ device: null, autoApprove: false });
    expect(pairs).toEqual([]);
  });

  it('never re-pairs a revoked or pending device: an admin decided, or will', async () => {
    const revoked = { ...paired, status: 'revoked' as const };
    const pairs = server({ device: revoked, autoApprove: true });
    expect((await ensureDevice('rating', 3)).device).toEqual(revoked);
    expect(pairs).toEqual([]);
  });

  it('does not ask for a counter page opened without its number', async () => {
    const pairs = server({ device: null, autoApprove: true });
    await ensureDevice('counter-display', null);
    expect(pairs).toEqual([]);
  });
});
