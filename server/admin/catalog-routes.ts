/** Services, counters and priority categories: create, edit, (services only) delete. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { randomBytes } from 'node:crypto';
import type { Counter, PriorityCategory, Service } from '../../protocol/domain';
import { DomainError } from '../../protocol/errors';
import { pickLang } from '../../protocol/i18n';
import { prefixWarnings, type AdminWarning } from '../../protocol/warnings';
import { upsertCounter, upsertPriority, upsertService } from '../store/config-store';
import { applyChange, centerOf } from './change';
import { checkCodeFree, checkNumberRange, checkOpeningHours, checkRangeOverlap, liveTickets } from './checks';
import { CounterInput, IdParam, PriorityInput, ServiceInput } from './schemas';
import { findStaff, syncCounterBinding } from './staff-store';

/** A readable id from the code, unique in the center. */
function newId(prefix: string, code: string, taken: (id: string) => boolean): string {
  const base = `${prefix}-${code.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`;
  return taken(base) ? `${base}-${randomBytes(3).toString('hex')}` : base;
}

const tags = ['admin'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const stateOf = (req: Parameters<typeof centerOf>[0]) => app.queue.state(centerOf(req));

  function validService(req: Parameters<typeof centerOf>[0], s: Service): void {
    const state = stateOf(req);
    checkCodeFree(s.code, s.id, state.services.values());
    checkNumberRange(s, state.center.settings.numberDigits);
    checkRangeOverlap(s, state.services.values());
    checkOpeningHours(s.openingHours);
  }

  /** Saved anyway: a prefix that would sound like another active service's in the center's voice region. */
  function serviceWarnings(req: Parameters<typeof centerOf>[0], s: Service): AdminWarning[] {
    const state = stateOf(req);
    return prefixWarnings(s, state.services.values(), state.center.settings.voiceVariant, pickLang(req.headers['accept-language']));
  }

  app.post('/api/admin/services', { schema: { tags, summary: 'Create a service', body: ServiceInput } }, async (req, reply) => {
    const state = stateOf(req);
    const service: Service = { id: newId('svc', req.body.code, (id) => state.services.has(id)), ...req.body };
    validService(req, service);
    const warnings = serviceWarnings(req, service);
    applyChange(app, req, { action: 'service.create', target: service.id, before: null, after: service }, () => upsertService(app.db, centerOf(req), service));
    return reply.status(201).send(warnings.length > 0 ? { ...service, warnings } : service);
  });

  app.put('/api/admin/services/:id', { schema: { tags, summary: 'Replace a service', params: IdParam, body: ServiceInput } }, async (req) => {
    const before = stateOf(req).services.get(req.params.id);
    if (!before) throw new DomainError('SERVICE_NOT_FOUND');
    const service: Service = { ...req.body, id: before.id };
    validService(req, service);
    const warnings = serviceWarnings(req, service);
    applyChange(app, req, { action: 'service.update', target: service.id, before, after: service }, () => upsertService(app.db, centerOf(req), service));
    return warnings.length > 0 ? { ...service, warnings } : service;
  });

  app.delete('/api/admin/services/:id', { schema: { tags, summary: 'Delete a service never used (else deactivate it)', params: IdParam } }, async (req) => {
    const state = stateOf(req);
    const before = state.services.get(req.params.id);
    if (!before) throw new DomainError('SERVICE_NOT_FOUND');
    const live = liveTickets(state, (t) => t.serviceId === before.id);
    if (live > 0) throw new DomainError('SERVICE_HAS_LIVE_TICKETS', { service: before.name, count: live });
    const used = app.db.prepare('SELECT 1 FROM tickets WHERE center_id = ? AND (service_id = ? OR issued_service_id = ?) LIMIT 1').get(state.center.id, before.id, before.id);
    if (used) throw new DomainError('SERVICE_HAS_HISTORY', { service: before.name });
    const counters = [...state.counters.values()].filter((c) => c.serviceIds.includes(before.id));
    applyChange(app, req, { action: 'service.delete', target: before.id, before, after: null }, () => {
      app.db.prepare('DELETE FROM services WHERE center_id = ? AND id = ?').run(state.center.id, before.id);
      for (const c of counters) upsertCounter(app.db, state.center.id, { ...c, serviceIds: c.serviceIds.filter((id) => id !== before.id) });
    });
    return { ok: true };
  });

  /** Counter edits: services must exist; a bound account must be active staff of the center. */
  function saveCounter(req: Parameters<typeof centerOf>[0], counter: Counter, before: Counter | null): Counter {
    const state = stateOf(req);
    const centerId = state.center.id;
    for (const sid of counter.serviceIds) if (!state.services.has(sid)) throw new DomainError('SERVICE_NOT_FOUND');
    const clash = [...state.counters.values()].find((c) => c.number === counter.number && c.id !== counter.id);
    if (clash) throw new DomainError('COUNTER_NUMBER_TAKEN', { number: counter.number });
    if (counter.staffId) {
      const staff = findStaff(app.db, centerId, counter.staffId);
      if (!staff || !staff.active) throw new DomainError('STAFF_NOT_FOUND');
    }
    if (before && before.active && !counter.active) {
      const cs = state.counterStates.get(counter.id);
      const held = cs?.currentTicketId ? state.active.get(cs.currentTicketId) : undefined;
      // A ticket sent to this counter by a transfer could only ever be called here.
      const targeted = [...state.active.values()].find((t) => t.targetCounterId === counter.id && t.status === 'waiting');
      const stuck = held ?? targeted;
      if (stuck) throw new DomainError('COUNTER_HOLDS_TICKET', { counter: counter.number, number: stuck.number });
    }
    // One account works at one counter: binding it here releases its previous counter.
    const previous = counter.staffId ? [...state.counters.values()].filter((c) => c.id !== counter.id && c.staffId === counter.staffId) : [];
    applyChange(app, req, { action: before ? 'counter.update' : 'counter.create', target: counter.id, before, after: counter }, () => {
      for (const p of previous) upsertCounter(app.db, centerId, { ...p, staffId: null });
      upsertCounter(app.db, centerId, counter);
      syncCounterBinding(app.db, centerId, counter.id, counter.staffId);
    });
    return counter;
  }

  app.post('/api/admin/counters', { schema: { tags, summary: 'Create a counter', body: CounterInput } }, async (req, reply) => {
    const state = stateOf(req);
    const id = newId('ctr', String(req.body.number), (x) => state.counters.has(x));
    return reply.status(201).send(saveCounter(req, { id, ...req.body }, null));
  });

  app.put('/api/admin/counters/:id', { schema: { tags, summary: 'Replace a counter (ordered services, bound staff)', params: IdParam, body: CounterInput } }, async (req) => {
    const before = stateOf(req).counters.get(req.params.id);
    if (!before) throw new DomainError('COUNTER_NOT_FOUND');
    return saveCounter(req, { ...req.body, id: before.id }, before);
  });

  app.post('/api/admin/priorities', { schema: { tags, summary: 'Create a priority category', body: PriorityInput } }, async (req, reply) => {
    const state = stateOf(req);
    const p: PriorityCategory = { id: newId('pri', req.body.code, (x) => state.priorities.has(x)), ...req.body };
    checkCodeFree(p.code, p.id, state.priorities.values());
    applyChange(app, req, { action: 'priority.create', target: p.id, before: null, after: p }, () => upsertPriority(app.db, state.center.id, p));
    return reply.status(201).send(p);
  });

  app.put('/api/admin/priorities/:id', { schema: { tags, summary: 'Replace a priority category', params: IdParam, body: PriorityInput } }, async (req) => {
    const state = stateOf(req);
    const before = state.priorities.get(req.params.id);
    if (!before) throw new DomainError('PRIORITY_NOT_FOUND');
    const p: PriorityCategory = { ...req.body, id: before.id };
    checkCodeFree(p.code, p.id, state.priorities.values());
    // Waiting tickets keep the weight they were issued with: editing a category never reorders the hall.
    applyChange(app, req, { action: 'priority.update', target: p.id, before, after: p }, () => upsertPriority(app.db, state.center.id, p));
    return p;
  });
};

export default routes;
