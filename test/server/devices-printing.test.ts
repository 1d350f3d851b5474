/**
 * Printing follows the issuing device: only an approved kiosk prints, on its printer (main, a legacy KIOSK_PRINTERS
 * one, or a printer of its own); a phone's ticket is issued without a slip. Simulated printers, real SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceListReply, DeviceMeReply } from '../../protocol/devices';
import type { TicketView } from '../../protocol/schemas';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { pairedDevice } from '../helpers/devices';

let t: TestApp;
let admin: string;

beforeEach(async () => {
  t = await createTestApp({ env: { KIOSK_PRINTERS: '{"K1":"sim"}' } });
  admin = await loginCookie(t.app, 'admin');
});
afterEach(() => t.destroy());

const issue = async (cookie?: string, body: object = {}) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/tickets', remoteAddress: '127.0.0.9', headers: cookie ? { cookie } : {}, payload: { serviceId: 'svc-hotich', ...body } });
  expect(res.statusCode).toBe(201);
  return res.json<TicketView>();
};
const jobs = () => t.app.db.prepare('SELECT printer_id AS printerId, ticket_id AS ticketId, kind FROM print_jobs ORDER BY rowid').all() as { printerId: string; ticketId: string | null; kind: string }[];
const deviceId = async (cookie: string) => (await t.app.inject({ url: '/api/devices/me', headers: { cookie } })).json<DeviceMeReply>().device!.id;
const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie: admin } });
const healthPrinters = async () => (await t.app.inject('/api/health')).json<{ printers: { id: string }[] }>().printers.map((p) => p.id);
const printChecklist = (cookie?: string) => t.app.inject({ method: 'POST', url: '/api/procedures/proc-dang-ky-khai-sinh/print', remoteAddress: '127.0.0.9', headers: cookie ? { cookie } : {}, payload: { lang: 'vi' } });

describe('tickets', () => {
  it('from a phone or any unpaired browser: issued, not printed, and the answer says why', async () => {
    const ticket = await issue(undefined, { kioskId: 'K1' });
    expect(ticket).toMatchObject({ status: 'waiting', kioskId: null });
    expect(ticket.print).toEqual({ state: 'none', printerId: null, printerStatus: 'none', jobId: null, noPrintReason: 'not-a-kiosk' });
    expect((await t.app.inject(`/api/tickets/${ticket.id}`)).json<TicketView>().print).toMatchObject({ state: 'none', noPrintReason: 'not-a-kiosk' });
    const display = await pairedDevice(t.app, 'hall-display');
    expect((await issue(display)).print).toMatchObject({ state: 'none', noPrintReason: 'not-a-kiosk' });
    expect(jobs()).toEqual([]);
  });

  it("from a kiosk: printed on the kiosk's printer, whatever kioskId the body says; the ticket names the kiosk", async () => {
    const kiosk = await pairedDevice(t.app, 'kiosk');
    const ticket = await issue(kiosk, { kioskId: 'K1' });
    expect(ticket.kioskId).toBe(await deviceId(kiosk));
    expect(ticket.print).toMatchObject({ printerId: 'main', jobId: expect.any(String) });
    expect(ticket.print!.noPrintReason).toBeUndefined();
    expect(jobs()).toEqual([{ printerId: 'main', ticketId: ticket.id, kind: 'ticket' }]);
  });

  it('a legacy KIOSK_PRINTERS printer stays usable: the admin gives it to a kiosk', async () => {
    const listed = (await asAdmin('GET', '/api/devices')).json<DeviceListReply>();
    expect(listed.printers).toEqual([
      { id: 'main', url: 'sim' },
      { id: 'kiosk-K1', url: 'sim' },
    ]);
    const kiosk = await pairedDevice(t.app, 'kiosk', { printerId: 'kiosk-K1' });
    expect((await issue(kiosk)).print).toMatchObject({ printerId: 'kiosk-K1' });
    expect(jobs().map((j) => j.printerId)).toEqual(['kiosk-K1']);
  });

  it("an old kiosk page that says its kiosk id is offered its KIOSK_PRINTERS printer", async () => {
    const pair = (kioskId: string) => t.app.inject({ method: 'POST', url: '/api/devices/pair', remoteAddress: '127.0.0.31', payload: { kind: 'kiosk', kioskId } });
    // The demo center approves by itself: the old printer is given at once.
    expect((await pair('K1')).json()).toMatchObject({ status: 'active', printerId: 'kiosk-K1' });
    expect((await pair('K9')).json()).toMatchObject({ status: 'active', printerId: 'main' });
    expect((await t.app.inject({ method: 'PUT', url: '/api/devices/auto-approve', headers: { cookie: admin }, payload: { autoApprove: false } })).statusCode).toBe(200);
    const pending = (await pair('K1')).json();
    expect(pending).toMatchObject({ status: 'pending', printerId: 'kiosk-K1' });
    const approved = await asAdmin('POST', '/api/devices/approve', { code: pending.code, name: 'Ki-ốt K1', kind: 'kiosk' });
    expect(approved.json()).toMatchObject({ status: 'active', printerId: 'kiosk-K1' });
  });

  it('a kiosk approved without a printer shows the QR only', async () => {
    const kiosk = await pairedDevice(t.app, 'kiosk');
    await asAdmin('PATCH', `/api/devices/${await deviceId(kiosk)}`, { name: 'Ki-ốt không máy in', kind: 'kiosk', printerId: null });
    const ticket = await issue(kiosk);
    expect(ticket.print).toMatchObject({ state: 'none', noPrintReason: 'no-printer' });
    expect((await t.app.inject(`/api/tickets/${ticket.id}`)).json<TicketView>().print).toMatchObject({ state: 'none', noPrintReason: 'no-printer' });
    expect(jobs()).toEqual([]);
  });
});

describe("a kiosk's own printer", () => {
  it('is created at approval, listed, printed on, readdressed, kept across a restart and removed with the kiosk', async () => {
    const kiosk = await pairedDevice(t.app, 'kiosk');
    const id = await deviceId(kiosk);
    const own = `device-${id}`;
    const set = await asAdmin('PATCH', `/api/devices/${id}`, { name: 'Ki-ốt tầng 2', kind: 'kiosk', printerUrl: 'sim' });
    expect(set.json()).toMatchObject({ printerId: own, printerUrl: 'sim' });
    expect(await healthPrinters()).toEqual(['main', 'kiosk-K1', own]);
    expect((await asAdmin('GET', '/api/devices')).json<DeviceListReply>().printers.map((p) => p.id)).toContain(own);
    const director = await loginCookie(t.app, 'director');
    expect((await t.app.inject({ url: '/api/printers', headers: { cookie: director } })).json<{ id: string }[]>().map((p) => p.id)).toContain(own);
    const ticket = await issue(kiosk);
    expect(ticket.print).toMatchObject({ printerId: own });
    // Another kiosk may share it.
    const second = await pairedDevice(t.app, 'kiosk', { printerId: own });
    expect((await issue(second)).print).toMatchObject({ printerId: own });

    // Kept across a restart.
    await t.close();
    t = await createTestApp({ dataDir: t.dataDir, env: { KIOSK_PRINTERS: '{"K1":"sim"}' } });
    admin = await loginCookie(t.app, 'admin');
    expect(await healthPrinters()).toEqual(['main', 'kiosk-K1', own]);
    expect((await issue(kiosk)).print).toMatchObject({ printerId: own });

    // Given the main printer instead, then revoked: its own printer goes, and the kiosk that shared it prints on main.
    await asAdmin('PATCH', `/api/devices/${id}`, { name: 'Ki-ốt tầng 2', kind: 'kiosk', printerId: 'main' });
    expect(await healthPrinters()).toEqual(['main', 'kiosk-K1']);
    expect((await issue(second)).print).toMatchObject({ printerId: 'main' });
    await asAdmin('PATCH', `/api/devices/${id}`, { name: 'Ki-ốt tầng 2', kind: 'kiosk', printerUrl: 'sim' });
    expect(await healthPrinters()).toEqual(['main', 'kiosk-K1', own]);
    await asAdmin('POST', `/api/devices/${id}/revoke`);
    expect(await healthPrinters()).toEqual(['main', 'kiosk-K1']);
  });
});

describe('checklist print', () => {
  it('is refused to any browser that is not an approved kiosk', async () => {
    const anonymous = await printChecklist();
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json()).toEqual({ code: 'DEVICE_NOT_PAIRED', message: 'Thiết bị này chưa được ghép với trung tâm. Vui lòng nhờ quản trị viên duyệt thiết bị.' });
    const tablet = await pairedDevice(t.app, 'rating', { counterNumber: 1 });
    expect((await printChecklist(tablet)).json().code).toBe('DEVICE_KIND_MISMATCH');
    expect(jobs()).toEqual([]);
  });

  it("prints on the kiosk's printer, ten a minute per kiosk", async () => {
    const kiosk = await pairedDevice(t.app, 'kiosk', { printerId: 'kiosk-K1' });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await printChecklist(kiosk)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
    expect(codes[10]).toBe(429);
    // Job rows are written once per turn of the event loop.
    await t.app.printing.written();
    expect(jobs()).toHaveLength(10);
    expect(new Set(jobs().map((j) => `${j.printerId} ${j.kind}`))).toEqual(new Set(['kiosk-K1 checklist']));
    // Another kiosk on the same address is not held back.
    expect((await printChecklist(await pairedDevice(t.app, 'kiosk'))).statusCode).toBe(200);
  });
});
