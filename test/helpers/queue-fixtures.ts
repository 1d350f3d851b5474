/**
 * Fixtures for the queue core: the demo configuration as plain objects (for the
 * pure rules), a harness that runs decide → apply on a hand-built state, and the
 * real QueueService over SQLite on a temp file (for day roll-over, restart and
 * model-based tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { CenterSettings, Counter, PriorityCategory, Service, Ticket } from '../../protocol/domain';
import { DomainError, type ErrorCode } from '../../protocol/errors';
import type { Actor, Command } from '../../server/queue/commands';
import { decide, type Decision } from '../../server/queue/decide';
import { applyDecision } from '../../server/queue/apply';
import { businessDay } from '../../server/queue/calendar';
import { createState, type CenterConfig, type QueueState } from '../../server/queue/state';
import { DEFAULT_SETTINGS, DEMO_COUNTERS, DEMO_PRIORITIES, DEMO_SERVICES, demoCenter } from '../../server/seed/demo-center';
import { openDatabase, type Db } from '../../server/store/db';
import { SqliteQueueStore } from '../../server/store/queue-store';
import { upsertCenter, upsertCounter, upsertService } from '../../server/store/config-store';
import { seedIfEmpty } from '../../server/seed/seed';
import { QueueService } from '../../server/core/queue-service';
import { FakeClock } from './clock';

export const CENTER_TZ = 'Asia/Ho_Chi_Minh';
export const CENTER_ID = 'demo';

/** Monday 2026-11-23, 09:00 in Hanoi (02:00Z): inside every demo opening window. */
export const MONDAY_9AM = Date.UTC(2026, 10, 23, 2, 0, 0);
export const MINUTE = 60_000;

export const STAFF: Actor = { staffId: 'stf-staff1', role: 'staff' };
export const staffActor = (n: number): Actor => ({ staffId: `stf-staff${n}`, role: 'staff' });
export const KIOSK: Actor = { staffId: null, role: 'public' };

export interface ConfigOverrides {
  settings?: Partial<CenterSettings>;
  /** Per service id: fields to change. */
  services?: Record<string, Partial<Service>>;
  /** Per counter id: fields to change. */
  counters?: Record<string, Partial<Counter>>;
  priorities?: Record<string, Partial<PriorityCategory>>;
  timeZone?: string;
}

/** The seeded demo center as configuration objects, with the overrides a test is about. */
export function demoConfig(o: ConfigOverrides = {}): CenterConfig {
  const center = demoCenter(o.timeZone ?? CENTER_TZ);
  return {
    center: { ...center, settings: { ...DEFAULT_SETTINGS, ...o.settings } },
    services: DEMO_SERVICES.map((s) => ({ ...s, ...o.services?.[s.id] })),
    counters: DEMO_COUNTERS.map((c) => ({ ...c, ...o.counters?.[c.id] })),
    priorities: DEMO_PRIORITIES.map((p) => ({ ...p, ...o.priorities?.[p.id] })),
  };
}

/** The DomainError code a call throws; fails the test when it does not throw one. */
export function errorCodeOf(fn: () => unknown): ErrorCode {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('expected a DomainError, but the command succeeded');
}

/**
 * The pure rules on a hand-built state: each `run` decides, then applies the
 * decision exactly as the service does after a commit. Ids are 't001', 't002', …
 * so ordering ties are predictable.
 */
export class RulesHarness {
  readonly state: QueueState;
  now: number;
  private ids = 0;

  constructor(overrides: ConfigOverrides = {}, now: number = MONDAY_9AM) {
    this.now = now;
    const config = demoConfig(overrides);
    this.state = createState(config, businessDay(now, config.center.timeZone), now);
  }

  decide(cmd: Command, actor: Actor = STAFF): Decision {
    return decide(this.state, cmd, { now: this.now, actor, newTicketId: () => `t${String(++this.ids).padStart(3, '0')}` });
  }

  run(cmd: Command, actor: Actor = STAFF): Decision {
    const d = this.decide(cmd, actor);
    applyDecision(this.state, d, this.state.seq + 1);
    return d;
  }

  refuse(cmd: Command, actor: Actor = STAFF): ErrorCode {
    return errorCodeOf(() => this.run(cmd, actor));
  }

  /** Issue and return the ticket; the clock moves one second so queue order is unambiguous. */
  issue(serviceId: string, priorityId: string | null = null): Ticket {
    const t = this.run({ type: 'issue', serviceId, priorityId }, KIOSK).ticket!;
    this.tick(1000);
    return t;
  }

  callNext(counterId: string, actor: Actor = STAFF): Ticket {
    const t = this.run({ type: 'call-next', counterId }, actor).ticket!;
    this.tick(1000);
    return t;
  }

  /** The live image of a ticket still in the queue. */
  ticket(id: string): Ticket | undefined {
    return this.state.active.get(id);
  }

  counter(counterId: string) {
    return this.state.counterStates.get(counterId)!;
  }

  tick(ms: number): void {
    this.now += ms;
  }
}

export const silentLogger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

/** The real service over a real SQLite file. */
export interface QueueRig {
  db: Db;
  store: SqliteQueueStore;
  queue: QueueService;
  clock: FakeClock;
  file: string;
  /** A second service on the same file, as after a process restart. */
  restart(): QueueService;
  close(): void;
}

export interface RigOptions {
  clock?: FakeClock;
  config?: ConfigOverrides;
  /** Deterministic ids (property tests shrink better); default: the service's random ids. */
  makeId?: () => string;
  /** FULL is the product default; property tests use NORMAL (no fsync per commit). */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Write configuration overrides into a seeded database, as an admin would. */
function applyConfig(db: Db, o: ConfigOverrides | undefined): void {
  if (!o) return;
  const config = demoConfig(o);
  upsertCenter(db, config.center);
  for (const s of config.services) upsertService(db, CENTER_ID, s);
  for (const c of config.counters) upsertCounter(db, CENTER_ID, c);
}

function rigOn(file: string, db: Db, options: RigOptions, cleanup: () => void): QueueRig {
  applyConfig(db, options.config);
  const clock = options.clock ?? new FakeClock(MONDAY_9AM);
  const store = new SqliteQueueStore(db);
  const queue = new QueueService(store, clock, silentLogger, options.makeId);
  return {
    db,
    store,
    queue,
    clock,
    file,
    restart: () => new QueueService(new SqliteQueueStore(db), clock, silentLogger, options.makeId),
    close() {
      db.close();
      cleanup();
    },
  };
}

/** A freshly seeded demo database in its own temp dir. */
export function openQueueRig(options: RigOptions = {}): QueueRig {
  const dir = mkdtempSync(join(tmpdir(), 'qm-queue-'));
  const file = join(dir, 'queue.sqlite');
  const db = openDatabase(file, { synchronous: options.synchronous ?? 'FULL' });
  seedIfEmpty(db, { mode: 'demo', demoPassword: 'demo', timeZone: CENTER_TZ, now: options.clock?.now() ?? MONDAY_9AM });
  return rigOn(file, db, options, () => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Seeds once, then hands out copies of the seeded file: property tests need a
 * fresh database per run, and seeding (password hashing) is the slow part.
 */
export class RigFactory {
  private readonly dir = mkdtempSync(join(tmpdir(), 'qm-queue-prop-'));
  private readonly template: Db;
  private made = 0;

  constructor() {
    this.template = openDatabase(join(this.dir, 'template.sqlite'));
    seedIfEmpty(this.template, { mode: 'demo', demoPassword: 'demo', timeZone: CENTER_TZ, now: MONDAY_9AM });
  }

  create(options: RigOptions = {}): QueueRig {
    const file = join(this.dir, `run-${++this.made}.sqlite`);
    this.template.prepare('VACUUM INTO ?').run(file);
    const db = openDatabase(file, { synchronous: options.synchronous ?? 'NORMAL' });
    return rigOn(file, db, options, () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    });
  }

  dispose(): void {
    this.template.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
