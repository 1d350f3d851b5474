/** A long summary gives the event loop back while it scans, and adds up to the same figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { openReader } from '../../../server/reports/read-connection';
import { parseRange } from '../../../server/reports/dates';
import { buildSummary, buildSummarySliced } from '../../../server/reports/summary';
import { insertTicket, DAY } from './fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.app.db.transaction(() => {
    for (let i = 1; i <= 12_000; i++) {
      const m = String(i % 60).padStart(2, '0');
      insertTicket(t.app.db, { id: `bulk-${i}`, day: DAY, number: `A${i}`, serviceId: 'svc-hotich', status: 'done', issued: `08:${m}:00`, called: `09:${m}:00`, started: `09:${m}:10`, completed: `09:${m}:40`, counterId: 'ctr-1', staffId: 'stf-staff1' });
    }
  })();
});
afterAll(() => t.destroy());

describe('sliced summary', () => {
  it('lets other work run between slices and matches the one-go summary', async () => {
    const input = { centerId: 'demo', timeZone: 'Asia/Ho_Chi_Minh', range: parseRange(DAY, DAY, DAY, 'Asia/Ho_Chi_Minh'), filters: {}, now: Date.now() };
    const reader = openReader(t.app.db);
    try {
      let turns = 0;
      const ticking = setInterval(() => turns++, 0);
      const sliced = await buildSummarySliced(reader, input);
      clearInterval(ticking);
      expect(turns).toBeGreaterThan(0);
      expect(sliced.totals.served).toBeGreaterThanOrEqual(12_000);
      expect(sliced).toEqual(buildSummary(t.app.db, input));
    } finally {
      reader.close();
    }
  });
});
