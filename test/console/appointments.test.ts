/** The console's appointment helpers: the automatic places (the server's rule), the settings body, the booking line, the routes. */
import { describe, expect, it } from 'vitest';
import { autoCapacity, bookingParts, settingsBody, type AppointmentSettings } from '../../console/lib/appointments';
import { parseHash, hashOf } from '../../console/lib/router';
import { DEFAULT_APPOINTMENT_SETTINGS } from '../../server/appointments/settings';
import { slotCapacity } from '../../server/appointments/slots';
import type { Counter, Service } from '../../protocol/domain';

const service = (id: string, defaultServiceMinutes: number) => ({ id, name: id, defaultServiceMinutes, active: true }) as unknown as Service;
const counter = (id: string, serviceIds: string[], active = true) => ({ id, serviceIds, active }) as unknown as Counter;

describe('automatic places per slot', () => {
  it('is the server’s figure for any share, slot length and counters', () => {
    const services = [service('a', 8), service('b', 15), service('c', 45), service('d', 10)];
    const counters = [counter('1', ['a', 'b']), counter('2', ['a']), counter('3', ['b', 'c'], false), counter('4', ['c'])];
    for (const share of [1, 25, 50, 100]) {
      for (const slot of [10, 30, 60]) {
        const settings: AppointmentSettings = { ...DEFAULT_APPOINTMENT_SETTINGS, bookingSharePercent: share, slotMinutes: slot, services: { b: { slotMinutes: 20 } } };
        for (const s of services) expect(autoCapacity(settings, s, counters), `${s.id} ${share}% ${slot}′`).toBe(slotCapacity(settings, s, counters));
      }
    }
  });
});

describe('settings body', () => {
  it('reads the form: numbers as numbers, check boxes, an empty capacity left out (automatic), services off the screen kept', () => {
    const current: AppointmentSettings = { ...DEFAULT_APPOINTMENT_SETTINGS, services: { a: { slotMinutes: 20, capacity: 5 }, gone: { bookable: false } } };
    const form = new FormData();
    for (const [k, v] of Object.entries({ horizonDays: '10', perPersonPerDay: '2', perPersonPerField: '1', slotMinutes: '30', bookingSharePercent: '40', checkInEarlyMinutes: '15', checkInLateMinutes: '20', elderlyAge: '75', purgeAfterDays: '30', reminderMinutes: '0', aheadNotice: '3' })) form.set(k, v);
    form.set('windowFrom', '07:30');
    form.set('windowTo', '17:00');
    form.set('lineUp', 'slot');
    form.set('elderlyPriority', 'pri-elderly');
    form.set('officerSeesName', 'on');
    form.set('bookable:a', 'on');
    form.set('capacity:a', '');
    form.set('capacity:b', '3');
    const body = settingsBody(form, current, [service('a', 8), service('b', 8)]);
    expect(body).toMatchObject({ enabled: false, horizonDays: 10, bookingSharePercent: 40, checkInLateMinutes: 20, elderlyAge: 75, reminderMinutes: 0, windowFrom: '07:30', windowTo: '17:00', lineUp: 'slot', officerSeesName: true });
    expect(body.services).toEqual({ a: { slotMinutes: 20, bookable: true }, b: { bookable: false, capacity: 3 }, gone: { bookable: false } });
  });
});

describe('booking line', () => {
  const text = { slot: (time: string) => `Đặt lịch ${time}`, code: (code: string) => `mã ${code}` };
  it('time and code, and the name only when the server sends one', () => {
    const a = { code: 'K7M2QX', serviceId: 's', date: '2026-11-23', time: '09:30', status: 'checked-in', checkedInAt: 1 };
    expect(bookingParts(a, text).join(' · ')).toBe('Đặt lịch 09:30 · mã K7M2QX');
    expect(bookingParts({ ...a, name: null }, text)).toHaveLength(2);
    expect(bookingParts({ ...a, name: ' Nguyễn Thị Lan ' }, text).join(' · ')).toBe('Đặt lịch 09:30 · mã K7M2QX · Nguyễn Thị Lan');
  });
});

describe('routes', () => {
  it('Quản trị › Đặt lịch for admins, Báo cáo › Đặt lịch for directors and admins', () => {
    expect(parseHash('#/admin/appointments', 'admin')).toEqual({ screen: 'admin', tab: 'appointments' });
    expect(parseHash('#/admin/appointments', 'director')).toEqual({ screen: 'floor' });
    expect(parseHash('#/reports/appointments', 'director')).toEqual({ screen: 'reports', tab: 'appointments' });
    expect(parseHash('#/reports/appointments', 'staff')).toEqual({ screen: 'counter' });
    expect(hashOf({ screen: 'reports', tab: 'appointments' })).toBe('#/reports/appointments');
  });
});
