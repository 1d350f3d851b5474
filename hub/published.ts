/**
 * What the province publishes down to its centers (`downlink_items`): the checks an item passes before it is
 * stored, and the list the admin screen shows with, per center, what the center reported back.
 *
 * A center applies each item through its own admin path and writes an audit row `province.<kind>` with target
 * `v<version>` (server/hub-link/downlink.ts); that row comes up with its next push as a configuration change
 * (`center_config_changes`). So the hub knows an item was applied — or refused, with the reason — once the center
 * has pushed since. Before that, the newest version a downlink fetch was answered with (recordFetch) says the center
 * has it: "fetched".
 */
import { importCatalog } from '../server/procedures/import';
import type { Queryable } from './db/db';

export type PublishKind = 'procedure-catalog' | 'service-templates' | 'holidays' | 'notice-line';

/** A problem with an item, in both languages (the route answers in the caller's). */
export interface PublishProblem {
  vi: string;
  en: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const listOf = (data: unknown, key: string): unknown[] | null => {
  if (Array.isArray(data)) return data;
  const inner = (data as Record<string, unknown> | null)?.[key];
  return data && typeof data === 'object' && Array.isArray(inner) ? inner : null;
};

/**
 * Refuses, before it is stored, an item no center could take (the shapes server/hub-link/downlink.ts reads):
 * - notice-line: a string, or `{ noticeLine | text, noticeLineEn? }`, not empty, at most 500 characters;
 * - holidays: a list (or `{ holidays }`) of `YYYY-MM-DD` days or `{ date, name }`, real calendar days, none twice;
 * - procedure-catalog: a list of procedures, `{ procedures: [...] }`, or a file `{ format: 'json' | 'csv', content }`;
 * - service-templates: a list (or `{ templates }`) of objects, each with a `code`.
 */
export function checkPublished(kind: PublishKind, data: unknown): PublishProblem | null {
  switch (kind) {
    case 'notice-line': {
      const d = data as Record<string, unknown> | null;
      const text = typeof data === 'string' ? data : typeof d?.noticeLine === 'string' ? d.noticeLine : typeof d?.text === 'string' ? d.text : null;
      if (text === null || text.trim() === '') return { vi: 'Dòng thông báo trống.', en: 'The notice line is empty.' };
      const en = typeof d?.noticeLineEn === 'string' ? d.noticeLineEn : '';
      if (text.length > 500 || en.length > 500) return { vi: 'Dòng thông báo dài quá 500 ký tự.', en: 'The notice line is longer than 500 characters.' };
      return null;
    }
    case 'holidays': {
      const days = listOf(data, 'holidays');
      if (!days) return { vi: 'Danh sách ngày nghỉ phải là một danh sách.', en: 'The holidays must be a list.' };
      if (days.length === 0) return { vi: 'Danh sách ngày nghỉ trống.', en: 'The list of holidays is empty.' };
      if (days.length > 366) return { vi: 'Danh sách ngày nghỉ quá dài (tối đa 366 ngày).', en: 'Too many holidays (at most 366).' };
      const seen = new Set<string>();
      for (const [i, x] of days.entries()) {
        const day = typeof x === 'string' ? x : typeof (x as { date?: unknown } | null)?.date === 'string' ? (x as { date: string }).date : null;
        if (day === null || !isCalendarDay(day)) return { vi: `Dòng ${i + 1}: ngày không hợp lệ (cần dạng YYYY-MM-DD).`, en: `Row ${i + 1}: not a valid day (expected YYYY-MM-DD).` };
        const name = typeof x === 'string' ? '' : (x as { name?: unknown }).name;
        if (name !== undefined && (typeof name !== 'string' || name.length > 200)) return { vi: `Dòng ${i + 1}: tên ngày nghỉ không hợp lệ.`, en: `Row ${i + 1}: invalid holiday name.` };
        if (seen.has(day)) return { vi: `Dòng ${i + 1}: ngày ${day} bị trùng.`, en: `Row ${i + 1}: ${day} is listed twice.` };
        seen.add(day);
      }
      return null;
    }
    case 'procedure-catalog': {
      const file = catalogFile(kind, data);
      if (file) {
        if (file.format !== 'json' && file.format !== 'csv') return { vi: 'Tệp danh mục phải có định dạng json hoặc csv.', en: 'A catalog file must be json or csv.' };
        if (file.content.trim() === '') return { vi: 'Tệp danh mục trống.', en: 'The catalog file is empty.' };
        return null;
      }
      const list = listOf(data, 'procedures');
      if (!list) return { vi: 'Danh mục thủ tục phải là một danh sách thủ tục, hoặc { "procedures": [...] }.', en: 'A procedure catalog must be a list of procedures, or { "procedures": [...] }.' };
      if (list.length === 0) return { vi: 'Danh mục thủ tục trống.', en: 'The procedure catalog is empty.' };
      const bad = list.findIndex((x) => !x || typeof x !== 'object' || Array.isArray(x));
      if (bad >= 0) return { vi: `Thủ tục thứ ${bad + 1} không phải một đối tượng JSON.`, en: `Procedure ${bad + 1} is not a JSON object.` };
      return null;
    }
    case 'service-templates': {
      const list = listOf(data, 'templates');
      if (!list) return { vi: 'Mẫu dịch vụ phải là một danh sách, hoặc { "templates": [...] }.', en: 'Service templates must be a list, or { "templates": [...] }.' };
      if (list.length === 0) return { vi: 'Danh sách mẫu dịch vụ trống.', en: 'The list of service templates is empty.' };
      const bad = list.findIndex((x) => !x || typeof x !== 'object' || typeof (x as { code?: unknown }).code !== 'string' || (x as { code: string }).code === '');
      if (bad >= 0) return { vi: `Mẫu thứ ${bad + 1} thiếu mã dịch vụ ("code").`, en: `Template ${bad + 1} has no service code ("code").` };
      return null;
    }
  }
}

/** A short description of an item's content for the list: the notice's text, or how many entries. */
export function publishedSummary(kind: string, data: unknown): { text: string | null; count: number | null } {
  if (kind === 'notice-line') {
    const d = data as Record<string, unknown> | null;
    const text = typeof data === 'string' ? data : typeof d?.noticeLine === 'string' ? d.noticeLine : typeof d?.text === 'string' ? d.text : null;
    return { text, count: null };
  }
  const file = catalogFile(kind, data);
  if (file) {
    // Counted as the center's own import reads the file; a file it would refuse shows no count.
    const read = file.format === 'csv' || file.format === 'json' ? importCatalog(file.content, file.format) : null;
    return { text: null, count: read && 'ok' in read ? read.ok.length : null };
  }
  const key = kind === 'holidays' ? 'holidays' : kind === 'service-templates' ? 'templates' : 'procedures';
  const list = listOf(data, key);
  return { text: null, count: list ? list.length : null };
}

/** A catalog sent as a file (`{ format, content }`), as the center's own import reads it. */
function catalogFile(kind: string, data: unknown): { format: string; content: string } | null {
  const d = data as Record<string, unknown> | null;
  return kind === 'procedure-catalog' && d && typeof d === 'object' && !Array.isArray(d) && typeof d.content === 'string' ? { format: String(d.format), content: d.content } : null;
}

export type PublishedCenterState = 'applied' | 'refused' | 'fetched' | 'waiting';

/** A center's downlink fetch was answered with the items up to `version` (a fetch never moves it back). */
export async function recordFetch(db: Queryable, centerId: string, version: number, now: number): Promise<void> {
  await db.query('UPDATE centers SET downlink_fetched_version = GREATEST(downlink_fetched_version, $2), downlink_fetched_at = $3 WHERE id = $1', [centerId, version, now]);
}

export interface PublishedItem {
  version: number;
  kind: string;
  publishedAt: number;
  /** The one center it was published for; null = every center. */
  centerId: string | null;
  text: string | null;
  count: number | null;
  /** Every center it is for that holds a link or a pending code, with what that center reported back. */
  centers: { centerId: string; code: string; name: string; state: PublishedCenterState; at: number | null }[];
}

export interface PublishedList {
  items: PublishedItem[];
  /** Per center: the newest item version it reported applying (0 when none yet). */
  appliedVersion: { centerId: string; code: string; name: string; version: number }[];
}

/** The newest `limit` items, newest first, and per center what its pushed audit rows say about them. */
export async function listPublished(db: Queryable, now: number, limit = 50): Promise<PublishedList> {
  const [items, centers] = await Promise.all([
    db.query<{ version: number; center_id: string | null; kind: string; published_at: number; data: unknown }>(
      'SELECT version, center_id, kind, published_at, data FROM downlink_items ORDER BY version DESC LIMIT $1',
      [limit],
    ),
    db.query<{ id: string; code: string; name: string; linked: boolean; fetched_version: number; fetched_at: number | null }>(
      `SELECT id, code, name, credential_hash IS NOT NULL OR (enrolment_code_hash IS NOT NULL AND enrolment_expires_at > $1) AS linked,
         downlink_fetched_version::int AS fetched_version, downlink_fetched_at AS fetched_at
       FROM centers ORDER BY code`,
      [now],
    ),
  ]);
  // What each center reported: its audit rows `province.<kind>` with target `v<version>` (the newest per version).
  const reports = await db.query<{ center_id: string; target: string; at: number; refused: string | null }>(
    `SELECT center_id, target, at, data->'after'->>'refused' AS refused
     FROM center_config_changes WHERE action LIKE 'province.%' AND target LIKE 'v%' ORDER BY id`,
  );
  const reported = new Map<string, { at: number; refused: boolean }>();
  const newest = new Map<string, number>();
  for (const r of reports.rows) {
    const version = Number(r.target.slice(1));
    if (!Number.isInteger(version)) continue;
    reported.set(`${r.center_id}\u0000${version}`, { at: r.at, refused: r.refused === 'true' });
    newest.set(r.center_id, Math.max(newest.get(r.center_id) ?? 0, version));
  }
  // Centers that hold a link or will soon (a pending code); a revoked or expired one fetches nothing.
  const live = centers.rows.filter((c) => c.linked);
  return {
    items: items.rows.map((it) => {
      const targets = it.center_id === null ? live : centers.rows.filter((c) => c.id === it.center_id);
      return {
        version: it.version,
        kind: it.kind,
        publishedAt: it.published_at,
        centerId: it.center_id,
        ...publishedSummary(it.kind, it.data),
        centers: targets.map((c) => {
          const r = reported.get(`${c.id}\u0000${it.version}`);
          if (r) return { centerId: c.id, code: c.code, name: c.name, state: r.refused ? 'refused' : 'applied', at: r.at };
          const fetched = c.fetched_version >= it.version;
          return { centerId: c.id, code: c.code, name: c.name, state: fetched ? 'fetched' : 'waiting', at: fetched ? c.fetched_at : null };
        }),
      };
    }),
    appliedVersion: centers.rows.map((c) => ({ centerId: c.id, code: c.code, name: c.name, version: newest.get(c.id) ?? 0 })),
  };
}
