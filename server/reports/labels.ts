/**
 * Names shown in reports, read from the tables (not the live queue state) so services,
 * counters and staff that were since deactivated still get their names in old periods.
 */
import type { Db } from '../store/db';

export interface Labels {
  service(id: string | null): string;
  counter(id: string | null): string;
  staff(id: string | null): string;
  priority(id: string | null): string;
  /** Service target wait in ms, or null when the service is unknown. */
  targetWaitMs(serviceId: string): number | null;
  /** Sort keys so groups come out in the order the center uses. */
  serviceOrder(id: string): number;
  counterOrder(id: string): number;
}

export function loadLabels(db: Db, centerId: string): Labels {
  const services = new Map(
    (db.prepare('SELECT id, name, target_wait_minutes AS target, sort_order AS sort FROM services WHERE center_id = ?').all(centerId) as { id: string; name: string; target: number; sort: number }[]).map((s) => [s.id, s]),
  );
  const counters = new Map((db.prepare('SELECT id, number FROM counters WHERE center_id = ?').all(centerId) as { id: string; number: number }[]).map((c) => [c.id, c.number]));
  const staff = new Map((db.prepare('SELECT id, display_name AS name FROM staff').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const priorities = new Map((db.prepare('SELECT id, name FROM priority_categories WHERE center_id = ?').all(centerId) as { id: string; name: string }[]).map((p) => [p.id, p.name]));
  return {
    service: (id) => (id === null ? '' : services.get(id)?.name ?? id),
    counter: (id) => (id === null ? '' : counters.has(id) ? `Quầy ${counters.get(id)}` : id),
    staff: (id) => (id === null ? '' : staff.get(id) ?? id),
    priority: (id) => (id === null ? '' : priorities.get(id) ?? id),
    targetWaitMs: (id) => {
      const s = services.get(id);
      return s ? s.target * 60_000 : null;
    },
    serviceOrder: (id) => services.get(id)?.sort ?? Number.MAX_SAFE_INTEGER,
    counterOrder: (id) => counters.get(id) ?? Number.MAX_SAFE_INTEGER,
  };
}

export const STATUS_LABELS: Record<string, string> = {
  waiting: 'Đang chờ',
  called: 'Đã gọi',
  serving: 'Đang phục vụ',
  done: 'Đã giải quyết',
  'no-show': 'Vắng mặt',
  cancelled: 'Đã hủy',
};

export const EVENT_LABELS: Record<string, string> = {
  'ticket.issued': 'Lấy số',
  'ticket.called': 'Gọi số',
  'ticket.recalled': 'Gọi lại',
  'ticket.started': 'Bắt đầu phục vụ',
  'ticket.completed': 'Giải quyết xong',
  'ticket.no-show': 'Vắng mặt',
  'ticket.requeued': 'Trả lại hàng chờ',
  'ticket.transferred': 'Chuyển quầy/dịch vụ',
  'ticket.cancelled': 'Hủy số',
  'counter.paused': 'Quầy tạm dừng',
  'counter.resumed': 'Quầy làm việc lại',
  'day.rolled': 'Sang ngày làm việc mới',
};
