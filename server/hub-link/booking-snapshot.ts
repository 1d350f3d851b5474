/**
 * What the hub's /book/ page may show of this center (protocol/hub.ts BookingSnapshot): the public booking info,
 * the services taking bookings and their free places from today to today + horizonDays, as the center's own
 * routes give them. Nothing personal. ~ services × days slot lists, read from memory and one indexed count each.
 */
import type { BookingSnapshot } from '../../protocol/hub';
import type { QueueService } from '../core/queue-service';
import type { Clock } from '../core/clock';
import { addDays, localTime } from '../queue/calendar';
import type { AppointmentService } from '../appointments/service';
import { isBookable } from '../appointments/slots';

export function bookingSnapshot(queue: QueueService, appointments: AppointmentService, clock: Clock): BookingSnapshot {
  const state = queue.state();
  const s = appointments.settings();
  const now = clock.now();
  const today = localTime(now, state.center.timeZone).day;
  const services = [...state.services.values()].filter((x) => isBookable(s, x)).sort((a, b) => a.sortOrder - b.sortOrder);
  const days = Array.from({ length: s.horizonDays + 1 }, (_, i) => addDays(today, i));
  const slots: BookingSnapshot['slots'] = {};
  for (const service of services) slots[service.id] = Object.fromEntries(days.map((day) => [day, appointments.slots(service.id, day)]));
  return {
    at: now,
    info: appointments.publicInfo(),
    center: { name: state.center.name, nameEn: state.center.nameEn },
    services: services.map((x) => ({ ...x }) as unknown as Record<string, unknown>),
    slots,
  };
}
