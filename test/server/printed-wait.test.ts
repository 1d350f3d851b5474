/** The printed ticket says the estimated wait as the kiosk does: a range when wide, "no wait" only at a free counter. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware';
import type { TicketView } from '../../protocol/schemas';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { pairedDevice } from '../helpers/devices';

let dir: string;
let out: string;
let t: TestApp;
let kiosk: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qm-printed-wait-'));
  out = join(dir, 'slips.bin');
  t = await createTestApp({ env: { PRINTER_URL: `file:${out}` } });
  kiosk = await pairedDevice(t.app, 'kiosk');
});
afterAll(async () => {
  await t?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const issue = async (serviceId: string, cookie?: string) =>
  (await t.app.inject({ method: 'POST', url: '/api/tickets', headers: cookie ? { cookie } : {}, payload: { serviceId } })).json<TicketView>();

/** The wait line of every slip printed so far, as the decoder reads the bytes back. */
async function waitLines(count: number): Promise<string[]> {
  const read = () => (existsSync(out) ? decodeEscPos(readFileSync(out), { profile: 'epson' }).lines.map((l) => l.text) : []);
  const deadline = Date.now() + 5000;
  let lines = read();
  while (lines.filter((l) => l.startsWith('Thời gian chờ dự kiến')).length < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    lines = read();
  }
  return lines.filter((l) => l.startsWith('Thời gian chờ dự kiến'));
}

describe('estimated wait on the printed ticket', () => {
  it('prints "no wait" at a free counter, and a range behind a long line at a busy one', async () => {
    const free = await issue('svc-hotich', kiosk);
    expect(free.etaMinutes).toBe(0);
    expect(await waitLines(1)).toEqual(['Thời gian chờ dự kiến: không phải chờ']);

    // Đất đai: counter 3 alone, a citizen there and five waiting (taken on phones: not printed).
    const cookie = await loginCookie(t.app, 'staff3');
    for (let i = 0; i < 6; i++) await issue('svc-datdai');
    await t.app.inject({ method: 'POST', url: '/api/counters/3/call-next', headers: { cookie }, payload: {} });
    const behind = await issue('svc-datdai', kiosk);
    expect(behind.etaRange!.high - behind.etaRange!.low).toBeGreaterThanOrEqual(5);
    const lines = await waitLines(2);
    expect(lines[1]).toBe(`Thời gian chờ dự kiến: khoảng ${behind.etaRange!.low}-${behind.etaRange!.high} phút`);
  });
});
