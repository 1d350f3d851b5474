/** The link inside a real center server: first-start enrolment, /api/health, the admin's enrol and state routes. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { until } from '../helpers/wait';
import { startTestReceiver, type TestReceiver } from './test-receiver';
import { KIOSK } from './fixtures';
import { createServer, type Socket } from 'node:net';
import { saveEnrolment } from '../../server/hub-link/store';

const open: { app?: TestApp; hub?: TestReceiver }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.app?.destroy();
    await o.hub?.stop();
  }
});

describe('hub link in the center server', () => {
  it('without HUB_URL the center is unlinked and nothing runs', async () => {
    const app = await createTestApp();
    open.push({ app });
    const health = (await app.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.status).toBe('ok');
    expect(health.hub).toEqual({ status: 'unlinked', lastSyncAt: null, pendingEvents: 0 });
  });

  it('enrols on first start with HUB_ENROLMENT_CODE, pushes commits as they happen, health says linked', async () => {
    const hub = await startTestReceiver();
    const app = await createTestApp({ env: { HUB_URL: hub.url, HUB_ENROLMENT_CODE: hub.enrolmentCode } });
    open.push({ app, hub });
    const c = app.app.queue.defaultCenterId;
    for (let i = 0; i < 5; i++) await app.app.queue.submit(c, { type: 'issue', serviceId: 'svc-hotich' }, KIOSK);
    const seq = app.app.queue.state(c).seq;
    await until(() => hub.state().lastSeq === seq, 'the hub to have every commit');
    await until(() => app.app.hubLink.health().status === 'linked', 'linked');
    const health = (await app.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.hub).toMatchObject({ status: 'linked', pendingEvents: 0 });
    expect(typeof health.hub.lastSyncAt).toBe('number');
    expect(hub.replayedCommits).toBe(0);
    // The enrolment is in the audit log, from no one (the server's start), without the credential.
    const audit = app.app.db.prepare("SELECT staff_id, data FROM audit_log WHERE action = 'hub.enrol'").all() as { staff_id: string | null; data: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].staff_id).toBeNull();
    expect(audit[0].data).not.toContain(hub.credential);

    // The hub goes away: offline, and what it lacks is counted.
    await hub.stop();
    for (let i = 0; i < 3; i++) await app.app.queue.submit(c, { type: 'issue', serviceId: 'svc-hotich' }, KIOSK);
    await until(() => app.app.hubLink.health().status === 'offline', 'offline');
    const off = (await app.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(off.hub).toMatchObject({ status: 'offline', pendingEvents: 3 });
  });

  it('an admin enrols from the console; a wrong code is refused; the state is readable by admins only', async () => {
    const hub = await startTestReceiver();
    const app = await createTestApp();
    open.push({ app, hub });
    const admin = await loginCookie(app.app, 'admin');
    const staff = await loginCookie(app.app, 'staff1');
    expect((await app.app.inject({ method: 'GET', url: '/api/admin/hub', headers: { cookie: staff } })).statusCode).toBe(403);
    expect((await app.app.inject({ method: 'POST', url: '/api/admin/hub/enrol', headers: { cookie: staff }, payload: { hubUrl: hub.url, enrolmentCode: 'x' } })).statusCode).toBe(403);

    const noUrl = await app.app.inject({ method: 'POST', url: '/api/admin/hub/enrol', headers: { cookie: admin }, payload: { enrolmentCode: 'x' } });
    expect(noUrl.statusCode).toBe(400);
    const wrong = await app.app.inject({ method: 'POST', url: '/api/admin/hub/enrol', headers: { cookie: admin }, payload: { hubUrl: hub.url, enrolmentCode: 'WRONG' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('ENROLMENT_REFUSED');
    const away = await app.app.inject({ method: 'POST', url: '/api/admin/hub/enrol', headers: { cookie: admin }, payload: { hubUrl: 'http://127.0.0.1:1', enrolmentCode: 'x' } });
    expect(away.statusCode).toBe(502);
    expect((await app.app.inject({ method: 'GET', url: '/api/admin/hub', headers: { cookie: admin } })).json().status).toBe('unlinked');

    const ok = await app.app.inject({ method: 'POST', url: '/api/admin/hub/enrol', headers: { cookie: admin }, payload: { hubUrl: hub.url, enrolmentCode: hub.enrolmentCode } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ hubCenterId: 'hub-center-1', hubCenterCode: 'XA01', hubUrl: hub.url });
    expect(JSON.stringify(ok.json())).not.toContain(hub.credential);
    const seq = app.app.queue.state().seq;
    await until(() => hub.state().lastSeq === seq && app.app.hubLink.health().status === 'linked', 'the first push');
    const audit = app.app.db.prepare("SELECT staff_id, data FROM audit_log WHERE action = 'hub.enrol'").all() as { staff_id: string; data: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].staff_id).toBe('stf-admin');
    expect(audit[0].data).not.toContain(hub.credential);
    // The enrolment survives a restart: the same data dir links again by itself.
    await app.close();
    const again = await createTestApp({ dataDir: app.dataDir });
    open.push({ app: again });
    await until(() => again.app.hubLink.health().status === 'linked', 'linked after restart');
  });

  it('a hub that takes the connection and never answers holds up no kiosk: tickets are issued while the link waits', async () => {
    // A black hole: accepts every connection, reads, never answers.
    const held = new Set<Socket>();
    const hole = createServer((sock) => {
      held.add(sock);
      sock.on('data', () => {});
      sock.on('close', () => held.delete(sock));
    });
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(hole.address() as { port: number }).port}`;
    const first = await createTestApp();
    saveEnrolment(first.app.db, { centerId: first.app.queue.defaultCenterId, hubUrl: url, hubCenterId: 'h1', hubCenterCode: 'XA01', hubCenterName: 'Xã', credential: 'c', enrolledAt: 1 });
    await first.close();
    const app = await createTestApp({ dataDir: first.dataDir });
    open.push({ app });
    try {
      await until(() => held.size > 0, 'the link to call the hub');
      for (let i = 0; i < 10; i++) {
        const res = await app.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
        expect(res.statusCode).toBe(201);
      }
      // The link's request is still unanswered, and what the hub lacks is counted.
      expect(held.size).toBeGreaterThan(0);
      const health = (await app.app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health.hub.status).toBe('offline');
      expect(health.hub.pendingEvents).toBe(app.app.queue.state().seq);
    } finally {
      for (const s of held) s.destroy();
      await new Promise((r) => hole.close(r));
    }
  });
});
