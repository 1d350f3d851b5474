/** Row ⇄ record mapping: the one place that knows column names. */
import { KIOSK_SETTING_DEFAULTS, type Center, type Counter, type CounterState, type PriorityCategory, type Role, type Service, type Ticket } from '../../protocol/domain';

type Row = Record<string, unknown>;
const bool = (v: unknown) => v === 1 || v === true;
const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' && v !== '' ? (JSON.parse(v) as T) : fallback);

export function centerFromRow(r: Row): Center {
  return {
    id: r.id as string,
    name: r.name as string,
    nameEn: r.name_en as string,
    address: r.address as string,
    timeZone: r.time_zone as string,
    // Settings added after a center was saved read as their defaults (no migration needed).
    settings: { ...KIOSK_SETTING_DEFAULTS, ...json(r.settings, {} as Center['settings']) },
  };
}

export function serviceFromRow(r: Row): Service {
  return {
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    nameEn: r.name_en as string,
    field: r.field as string,
    prefix: r.prefix as string,
    numberStart: r.number_start as number,
    numberEnd: r.number_end as number,
    dailyQuota: (r.daily_quota as number | null) ?? null,
    openingHours: json(r.opening_hours, null),
    targetWaitMinutes: r.target_wait_minutes as number,
    defaultServiceMinutes: r.default_service_minutes as number,
    icon: r.icon as string,
    active: bool(r.active),
    sortOrder: r.sort_order as number,
  };
}

export function serviceToRow(centerId: string, s: Service): Row {
  return {
    center_id: centerId,
    id: s.id,
    code: s.code,
    name: s.name,
    name_en: s.nameEn,
    field: s.field,
    prefix: s.prefix,
    number_start: s.numberStart,
    number_end: s.numberEnd,
    daily_quota: s.dailyQuota,
    opening_hours: s.openingHours ? JSON.stringify(s.openingHours) : null,
    target_wait_minutes: s.targetWaitMinutes,
    default_service_minutes: s.defaultServiceMinutes,
    icon: s.icon,
    active: s.active ? 1 : 0,
    sort_order: s.sortOrder,
  };
}

export function counterFromRow(r: Row): Counter {
  return {
    id: r.id as string,
    number: r.number as number,
    name: r.name as string,
    serviceIds: json(r.service_ids, [] as string[]),
    area: r.area as string,
    staffId: (r.staff_id as string | null) ?? null,
    active: bool(r.active),
  };
}

export function counterToRow(centerId: string, c: Counter): Row {
  return {
    center_id: centerId,
    id: c.id,
    number: c.number,
    name: c.name,
    service_ids: JSON.stringify(c.serviceIds),
    area: c.area,
    staff_id: c.staffId,
    active: c.active ? 1 : 0,
  };
}

export function counterStateFromRow(r: Row): CounterState {
  return {
    counterId: r.id as string,
    currentTicketId: (r.current_ticket_id as string | null) ?? null,
    paused: bool(r.paused),
    pauseReason: (r.pause_reason as string | null) ?? null,
    priorityStreak: r.priority_streak as number,
    staffId: (r.state_staff_id as string | null) ?? null,
    updatedAt: r.state_updated_at as number,
  };
}

export function counterStateToRow(centerId: string, s: CounterState): Row {
  return {
    center_id: centerId,
    id: s.counterId,
    current_ticket_id: s.currentTicketId,
    paused: s.paused ? 1 : 0,
    pause_reason: s.pauseReason,
    priority_streak: s.priorityStreak,
    state_staff_id: s.staffId,
    state_updated_at: s.updatedAt,
  };
}

export function priorityFromRow(r: Row): PriorityCategory {
  return {
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    nameEn: r.name_en as string,
    weight: r.weight as number,
    icon: r.icon as string,
    active: bool(r.active),
    sortOrder: r.sort_order as number,
  };
}

export function priorityToRow(centerId: string, p: PriorityCategory): Row {
  return {
    center_id: centerId,
    id: p.id,
    code: p.code,
    name: p.name,
    name_en: p.nameEn,
    weight: p.weight,
    icon: p.icon,
    active: p.active ? 1 : 0,
    sort_order: p.sortOrder,
  };
}

export function ticketFromRow(r: Row): Ticket {
  const ticket: Ticket = {
    id: r.id as string,
    centerId: r.center_id as string,
    serviceId: r.service_id as string,
    businessDay: r.business_day as string,
    seqNo: r.seq_no as number,
    number: r.number as string,
    priorityId: (r.priority_id as string | null) ?? null,
    priorityWeight: r.priority_weight as number,
    status: r.status as Ticket['status'],
    issuedAt: r.issued_at as number,
    queuedAt: r.queued_at as number,
    firstCalledAt: (r.first_called_at as number | null) ?? null,
    calledAt: (r.called_at as number | null) ?? null,
    startedAt: (r.started_at as number | null) ?? null,
    completedAt: (r.completed_at as number | null) ?? null,
    counterId: (r.counter_id as string | null) ?? null,
    staffId: (r.staff_id as string | null) ?? null,
    targetCounterId: (r.target_counter_id as string | null) ?? null,
    recallCount: r.recall_count as number,
    transferCount: r.transfer_count as number,
    kioskId: (r.kiosk_id as string | null) ?? null,
    note: (r.note as string | null) ?? null,
  };
  // Only a checked-in booking has one (server/appointments/); walk-ins keep the shape they always had.
  if (r.slot_at != null) ticket.slotAt = r.slot_at as number;
  return ticket;
}

export function ticketToRow(t: Ticket): Row {
  return {
    id: t.id,
    center_id: t.centerId,
    service_id: t.serviceId,
    issued_service_id: t.serviceId,
    business_day: t.businessDay,
    seq_no: t.seqNo,
    number: t.number,
    priority_id: t.priorityId,
    priority_weight: t.priorityWeight,
    status: t.status,
    issued_at: t.issuedAt,
    queued_at: t.queuedAt,
    first_called_at: t.firstCalledAt,
    called_at: t.calledAt,
    started_at: t.startedAt,
    completed_at: t.completedAt,
    counter_id: t.counterId,
    staff_id: t.staffId,
    target_counter_id: t.targetCounterId,
    recall_count: t.recallCount,
    transfer_count: t.transferCount,
    kiosk_id: t.kioskId,
    note: t.note,
    slot_at: t.slotAt ?? null,
  };
}

export interface StaffAccount {
  id: string;
  centerId: string;
  username: string;
  displayName: string;
  role: Role;
  counterId: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

export function staffFromRow(r: Row): StaffAccount {
  return {
    id: r.id as string,
    centerId: r.center_id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    role: r.role as Role,
    counterId: (r.counter_id as string | null) ?? null,
    active: bool(r.active),
    mustChangePassword: bool(r.must_change_password),
  };
}
