/**
 * Citizens racing for the last places, over real HTTP: many bookings sent at once for a slot with few places,
 * and one person sending bookings for several services of the day at once. The capacity and the per-person
 * checks run inside the booking's transaction, so the counts hold whatever the interleaving.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { appointmentApp, setSettings } from './helpers';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

const idOf = (i: number) => `0011900${String(i).padStart(5, '0')}`;

async function post(url: string, body: unknown): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${url}/api/appointments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { code?: string };
  return { status: res.status, code: json.code };
}

describe('racing for a slot', () => {
  it('two citizens for the last place: exactly one gets it', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { services: { 'svc-hotich': { capacity: 1 } } });
    const url = await r.t.listen();
    const slot = { serviceId: 'svc-hotich', date: '2026-11-24', time: '10:00' };
    for (let round = 0; round < 10; round++) {
      // Ten slots of the working day (none at the midday break).
      const time = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00', '14:30'][round];
      const results = await Promise.all([post(url, { ...slot, time, idNumber: idOf(2 * round) }), post(url, { ...slot, time, idNumber: idOf(2 * round + 1) })]);
      expect(results.map((x) => x.status).sort(), `round ${round} at ${time}`).toEqual([201, 409]);
      expect(results.find((x) => x.status === 409)!.code).toBe('SLOT_FULL');
    }
  });

  it('sixty citizens at once for a slot of five: five bookings, the rest SLOT_FULL', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { services: { 'svc-chungthuc': { capacity: 5 } } });
    const url = await r.t.listen();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => post(url, { serviceId: 'svc-chungthuc', date: '2026-11-25', time: '14:00', idNumber: idOf(i) })));
    expect(results.filter((x) => x.status === 201)).toHaveLength(5);
    expect(results.filter((x) => x.code === 'SLOT_FULL')).toHaveLength(55);
    const held = r.app.db.prepare("SELECT COUNT(*) FROM appointments WHERE service_id = 'svc-chungthuc' AND time = '14:00' AND status = 'booked'").pluck().get();
    expect(held).toBe(5);
  });

  it('one person booking eight services of a day at once gets at most 2, never two of one field', async () => {
    const r = await appointmentApp();
    t = r.t;
    const url = await r.t.listen();
    const services = ['svc-hotich', 'svc-chungthuc', 'svc-datdai', 'svc-xaydung', 'svc-kinhdoanh', 'svc-baotro', 'svc-cutru', 'svc-bhyt'];
    const results = await Promise.all(
      [...services, 'svc-hotich', 'svc-hotich'].map((serviceId, i) => post(url, { serviceId, date: '2026-11-26', time: i < 8 ? '09:00' : '10:00', idNumber: '079285001122' })),
    );
    expect(results.filter((x) => x.status === 201)).toHaveLength(2);
    expect(results.filter((x) => x.code === 'PERSON_LIMIT_REACHED')).toHaveLength(8);
    const fields = r.app.db.prepare("SELECT field FROM appointments WHERE status = 'booked'").pluck().all() as string[];
    expect(new Set(fields).size).toBe(2);
  });
});
