/**
 * Applies what the province published (protocol/hub.ts Downlink), each item through the center's own admin change
 * path (server/admin/change.ts) with an audit row `province.<kind>` and no staff id, so the audit log shows what came
 * from the province. The item, what the center did with it, and the applied version are written in the SAME
 * transaction as the change: a restart never applies an item twice nor skips one.
 *
 * An item the center cannot take (a catalog with bad rows) is not retried forever: its audit row says
 * `refused` with the problems, and the link moves on to the next version.
 */
import type { FastifyInstance } from 'fastify';
import { Value } from 'typebox/value';
import type { Center, Service } from '../../protocol/domain';
import type { Downlink, DownlinkKind } from '../../protocol/hub';
import { DomainError } from '../../protocol/errors';
import { applyChangeAs } from '../admin/change';
import { checkCodeFree, checkNumberRange, checkOpeningHours, checkRangeOverlap } from '../admin/checks';
import { ServiceInput } from '../admin/schemas';
import { importCatalog } from '../procedures/import';
import { loadCatalog, replaceCatalog } from '../procedures/store';
import { upsertCenter, upsertService } from '../store/config-store';
import { recordDownlinkItem, setDownlinkVersion } from './store';

export type DownlinkItem = Downlink['items'][number];

/** The audit action of an item: `province.procedure-catalog`, `province.notice-line`… */
export const provinceAction = (kind: DownlinkKind | string) => `province.${kind}`;

type MaybeProcedures = { procedures?: { reload?: (centerId?: string) => unknown } };

export interface AppliedItem {
  version: number;
  kind: string;
  outcome: Record<string, unknown>;
}

/** Apply items in version order, skipping those at or below `applied`. Returns what each one did. */
export function applyDownlink(app: FastifyInstance, centerId: string, applied: number, items: readonly DownlinkItem[]): AppliedItem[] {
  const done: AppliedItem[] = [];
  for (const item of [...items].sort((a, b) => a.version - b.version)) {
    if (item.version <= applied) continue;
    done.push(applyItem(app, centerId, item));
    applied = item.version;
  }
  return done;
}

function applyItem(app: FastifyInstance, centerId: string, item: DownlinkItem): AppliedItem {
  const actor = { centerId, staffId: null };
  const remember = (outcome: Record<string, unknown>) => {
    recordDownlinkItem(app.db, centerId, item, app.clock.now(), outcome);
    setDownlinkVersion(app.db, centerId, item.version);
  };
  const audit = (before: unknown, after: unknown, write: () => void, reload: boolean, outcome: Record<string, unknown>) => {
    applyChangeAs(app, actor, { action: provinceAction(item.kind), target: `v${item.version}`, before, after: { ...(after as object), ...outcome } }, () => {
      write();
      remember(outcome);
    }, { reload });
    return { version: item.version, kind: item.kind, outcome };
  };

  switch (item.kind) {
    case 'procedure-catalog': {
      const source = catalogText(item.data);
      const result = source ? importCatalog(source.content, source.format) : { errors: [{ row: 0, field: '', message: 'Danh mục từ tỉnh không có dạng đọc được.' }] };
      const beforeCount = loadCatalog(app.db, centerId).length;
      if ('errors' in result) {
        return audit({ count: beforeCount }, { count: beforeCount }, () => {}, false, { refused: true, errors: result.errors.slice(0, 20) });
      }
      const out = audit({ count: beforeCount }, { count: result.ok.length }, () => replaceCatalog(app.db, centerId, result.ok, app.clock.now()), false, { imported: result.ok.length });
      (app as unknown as MaybeProcedures).procedures?.reload?.(centerId);
      app.broadcastConfigChanged(centerId);
      return out;
    }
    case 'notice-line': {
      const notice = noticeOf(item.data);
      const before = app.queue.state(centerId).center;
      if (!notice) return audit({ noticeLine: before.settings.noticeLine }, {}, () => {}, false, { refused: true, reason: 'no noticeLine' });
      const after: Center = { ...before, settings: { ...before.settings, noticeLine: notice.noticeLine, noticeLineEn: notice.noticeLineEn ?? before.settings.noticeLineEn } };
      return audit(
        { noticeLine: before.settings.noticeLine, noticeLineEn: before.settings.noticeLineEn },
        { noticeLine: after.settings.noticeLine, noticeLineEn: after.settings.noticeLineEn },
        () => upsertCenter(app.db, after),
        true,
        {},
      );
    }
    case 'holidays': {
      // Kept (hub_downlink) and shown in the audit log; the newest list closes those days to bookings
      // (server/appointments/holidays.ts).
      const days = Array.isArray(item.data) ? item.data : ((item.data as { holidays?: unknown[] } | null)?.holidays ?? []);
      return audit(null, { holidays: days }, () => {}, false, { stored: days.length });
    }
    case 'service-templates':
      return applyTemplates(app, centerId, item, audit);
    default:
      return audit(null, {}, () => {}, false, { refused: true, reason: `unknown kind ${String(item.kind)}` });
  }
}

/**
 * Templates become NEW, INACTIVE services, for an admin to review, number and open; a template whose code the
 * center already uses is skipped (the center's own service is never changed from above), as is one that would not
 * pass the admin screen's checks.
 */
function applyTemplates(
  app: FastifyInstance,
  centerId: string,
  item: DownlinkItem,
  audit: (before: unknown, after: unknown, write: () => void, reload: boolean, outcome: Record<string, unknown>) => AppliedItem,
): AppliedItem {
  const list = Array.isArray(item.data) ? item.data : ((item.data as { templates?: unknown[] } | null)?.templates ?? []);
  const state = app.queue.state(centerId);
  const services = [...state.services.values()];
  const created: Service[] = [];
  const skipped: { code: string; reason: string }[] = [];
  for (const raw of list as Record<string, unknown>[]) {
    const code = typeof raw?.code === 'string' ? raw.code : '';
    const input = { ...SERVICE_DEFAULTS, ...pick(raw ?? {}, Object.keys(ServiceInput.properties)), active: false };
    if (!Value.Check(ServiceInput, input)) {
      skipped.push({ code, reason: 'invalid' });
      continue;
    }
    if ([...services, ...created].some((s) => s.code === code)) {
      skipped.push({ code, reason: 'code-exists' });
      continue;
    }
    const id = uniqueId(`svc-${code.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`, (x) => [...services, ...created].some((s) => s.id === x));
    const service: Service = { id, ...(input as Omit<Service, 'id'>) };
    try {
      checkCodeFree(service.code, service.id, [...services, ...created]);
      checkNumberRange(service, state.center.settings.numberDigits);
      checkRangeOverlap(service, [...services, ...created]);
      checkOpeningHours(service.openingHours);
    } catch (err) {
      skipped.push({ code, reason: err instanceof DomainError ? err.code : 'invalid' });
      continue;
    }
    created.push(service);
  }
  return audit(
    null,
    { created: created.map((s) => ({ id: s.id, code: s.code, name: s.name })) },
    () => {
      for (const s of created) upsertService(app.db, centerId, s);
    },
    created.length > 0,
    { createdInactive: created.length, skipped },
  );
}

const SERVICE_DEFAULTS = {
  nameEn: '',
  field: '',
  prefix: '',
  dailyQuota: null,
  openingHours: null,
  targetWaitMinutes: 30,
  defaultServiceMinutes: 10,
  icon: '',
  sortOrder: 100,
};

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

/** A catalog as the province sends it: a list of procedures, `{ procedures }`, or a file `{ format, content }`. */
function catalogText(data: unknown): { content: string; format: 'json' | 'csv' } | null {
  if (Array.isArray(data)) return { content: JSON.stringify(data), format: 'json' };
  const d = data as { procedures?: unknown; format?: unknown; content?: unknown } | null;
  if (d && Array.isArray(d.procedures)) return { content: JSON.stringify(d.procedures), format: 'json' };
  if (d && typeof d.content === 'string' && (d.format === 'json' || d.format === 'csv')) return { content: d.content, format: d.format };
  return null;
}

function noticeOf(data: unknown): { noticeLine: string; noticeLineEn?: string } | null {
  if (typeof data === 'string') return { noticeLine: data.normalize('NFC').slice(0, 500) };
  const d = data as { noticeLine?: unknown; noticeLineEn?: unknown; text?: unknown } | null;
  const vi = typeof d?.noticeLine === 'string' ? d.noticeLine : typeof d?.text === 'string' ? d.text : null;
  if (vi === null) return null;
  return { noticeLine: vi.normalize('NFC').slice(0, 500), noticeLineEn: typeof d?.noticeLineEn === 'string' ? d.noticeLineEn.normalize('NFC').slice(0, 500) : undefined };
}
