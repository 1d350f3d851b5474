/**
 * A hub node for tests on a real PostgreSQL: one throw-away cluster per test file (test/helpers/postgres.ts), a
 * fresh database per hub, a settable clock, and the calls a center's link and a province admin make.
 */
import { UNTOUCHED_TICKET } from '../../protocol/ticket-lifecycle';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildHub } from '../../hub/app';
import { loadHubConfig } from '../../hub/config';
import { openPglite, openPostgres, type HubDb } from '../../hub/db/db';
import type { UplinkBatch, UplinkCommit } from '../../protocol/hub';
import { createDatabase, type PgCluster } from '../helpers/postgres';

export class SetClock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
}

/** 2026-03-10 08:00 in Ho Chi Minh City (UTC+7): never the machine's date. */
export const DAY_START = Date.UTC(2026, 2, 10, 1, 0, 0);
export const DAY = '2026-03-10';

export interface TestHub {
  app: FastifyInstance;
  db: HubDb;
  clock: SetClock;
  adminCookie: string;
  close(): Promise<void>;
}

let dbCounter = 0;

export async function startHub(cluster: PgCluster | null, env: Record<string, string> = {}): Promise<TestHub> {
  const db = cluster ? openPostgres(await createDatabase(cluster, `hub_${process.pid}_${++dbCounter}`)) : await openPglite(null);
  return startHubOn(db, env);
}

/** A hub node on a database already open (several nodes on one database). */
export async function startHubOn(db: HubDb, env: Record<string, string> = {}): Promise<TestHub> {
  const clock = new SetClock(DAY_START);
  const config = loadHubConfig({ HUB_PORT: '0', HUB_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED: 'demo', DEMO_PASSWORD: 'demo-pass', HUB_ENROL_PER_MINUTE: '10000', ...env });
  const app = await buildHub({ config, db, clock, logger: false });
  await app.ready();
  const adminCookie = await login(app, 'admin', 'demo-pass');
  return { app, db, clock, adminCookie, close: () => app.close() };
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'qm_session');
  return `qm_session=${cookie!.value}`;
}

export async function createCenter(hub: TestHub, code: string, name = `Xã ${code}`): Promise<{ id: string; enrolmentCode: string }> {
  const res = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie }, payload: { code, name } });
  if (res.statusCode !== 201) throw new Error(`create center: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Creates and enrols a center: its id and credential. */
export async function enrolCenter(hub: TestHub, code: string): Promise<{ id: string; credential: string }> {
  const c = await createCenter(hub, code);
  const res = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: c.enrolmentCode } });
  if (res.statusCode !== 201) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
  return { id: c.id, credential: res.json().credential };
}

export function ingest(hub: TestHub, credential: string, batch: Partial<UplinkBatch>): Promise<LightMyRequestResponse> {
  return hub.app.inject({
    method: 'POST',
    url: '/api/hub/ingest',
    headers: { authorization: `Bearer ${credential}` },
    payload: { commits: [], ratings: [], configChanges: [], live: null, ...batch },
  });
}

/** Ticket rows as a center's commits carry them (protocol/domain.ts Ticket). */
export function ticketRow(t: { id: string; serviceId: string; issuedAt: number } & Partial<Record<string, unknown>>): Record<string, unknown> {
  return {
    centerId: 'center-local-id',
    businessDay: DAY,
    seqNo: 1,
    number: 'A001',
    priorityId: null,
    priorityWeight: 0,
    status: 'waiting',
    queuedAt: t.issuedAt,
    ...UNTOUCHED_TICKET,
    kioskId: null,
    note: null,
    ...t,
  };
}

export function commit(seq: number, at: number, tickets: Record<string, unknown>[], type = 'ticket.changed'): UplinkCommit {
  return { seq, at, events: tickets.map((t) => ({ type, at, ticketId: t.id as string, counterId: (t.counterId as string | null) ?? null, staffId: (t.staffId as string | null) ?? null, data: {} })), tickets };
}
