/** The pure helpers behind the reports: percentiles, dates, local time, CSV cells. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Samples, durationStats, percentileInc } from '../../../server/reports/stats';
import { isRealDate, parseRange } from '../../../server/reports/dates';
import { ZoneClock } from '../../../server/reports/zone';
import { cell, line } from '../../../server/reports/csv';
import { resolveReasons } from '../../../server/reports/reasons';
import { DomainError } from '../../../protocol/errors';

describe('percentileInc', () => {
  it('matches Excel PERCENTILE.INC on known values', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileInc(v, 0.5)).toBe(5.5);
    expect(percentileInc(v, 0.9)).toBeCloseTo(9.1, 10);
    expect(percentileInc([15, 20, 35, 40, 50], 0.4)).toBe(29);
    expect(percentileInc([42], 0.9)).toBe(42);
  });

  it('lies between the smallest and largest sample and never decreases with p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        const x = percentileInc(sorted, p);
        expect(x).toBeGreaterThanOrEqual(sorted[0]);
        expect(x).toBeLessThanOrEqual(sorted[sorted.length - 1]);
        expect(percentileInc(sorted, Math.min(1, p + 0.05))).toBeGreaterThanOrEqual(x);
      }),
    );
  });
});

describe('durationStats', () => {
  it('works on whole seconds (as in tickets.csv) and clamps negative durations to 0', () => {
    const s = new Samples();
    for (const ms of [1_250, 2_000, -500]) s.push(ms);
    // seconds 0, 1, 2: p90 rank 1.8 → 1 + 0.8 × 1
    expect(durationStats(s)).toEqual({ count: 3, mean: 1, median: 1, p90: 1.8, max: 2 });
  });

  it('grows past its initial buffer', () => {
    const s = new Samples();
    for (let i = 1000; i >= 1; i--) s.push(i * 1000);
    expect(durationStats(s)).toEqual({ count: 1000, mean: 500.5, median: 500.5, p90: 900.1, max: 1000 });
  });

  it('agrees with PERCENTILE.INC on sorted seconds, waits of many hours included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 * 3600_000 }), { minLength: 1, maxLength: 200 }), (values) => {
        const s = new Samples();
        for (const v of values) s.push(v);
        const secs = values.map((v) => Math.round(v / 1000)).sort((a, b) => a - b);
        const tenth = (x: number) => Math.round(x * 10) / 10;
        expect(durationStats(s)).toEqual({
          count: secs.length,
          mean: tenth(secs.reduce((a, b) => a + b, 0) / secs.length),
          median: tenth(percentileInc(secs, 0.5)),
          p90: tenth(percentileInc(secs, 0.9)),
          max: secs[secs.length - 1],
        });
      }),
    );
  });
});

describe('report dates', () => {
  it.each(['2026-02-29', '2026-04-31', '2026-00-10', '26-11-23', '2026-11-23T00:00', ''])('%j is not a real date', (d) => expect(isRealDate(d)).toBe(false));
  it.each(['2028-02-29', '2026-12-31', '2026-01-01'])('%s is a real date', (d) => expect(isRealDate(d)).toBe(true));

  it('spans local midnights in the center zone', () => {
    const r = parseRange('2026-11-23', '2026-11-24', '2026-11-25', 'Asia/Ho_Chi_Minh');
    expect(r).toEqual({ from: '2026-11-23', to: '2026-11-24', days: 2, startMs: Date.parse('2026-11-22T17:00:00Z'), endMs: Date.parse('2026-11-24T17:00:00Z') });
  });

  it('defaults to today, or to the one given end', () => {
    expect(parseRange(undefined, undefined, '2026-11-25', 'Asia/Ho_Chi_Minh')).toMatchObject({ from: '2026-11-25', to: '2026-11-25', days: 1 });
    expect(parseRange('2026-11-02', undefined, '2026-11-25', 'Asia/Ho_Chi_Minh')).toMatchObject({ from: '2026-11-02', to: '2026-11-02' });
  });

  it('refuses an inverted range with its code', () => {
    expect(() => parseRange('2026-11-02', '2026-11-01', '2026-11-25', 'UTC')).toThrow(expect.objectContaining({ code: 'DATE_RANGE_INVERTED' }) as unknown as DomainError);
  });
});

describe('ZoneClock', () => {
  it('formats dd/MM/yyyy HH:mm:ss and the hour in Asia/Ho_Chi_Minh', () => {
    const z = new ZoneClock('Asia/Ho_Chi_Minh');
    expect(z.dateTime(Date.parse('2026-11-23T16:59:59Z'))).toBe('23/11/2026 23:59:59');
    expect(z.dateTime(Date.parse('2026-11-23T17:00:00Z'))).toBe('24/11/2026 00:00:00');
    expect(z.hour(Date.parse('2026-11-23T16:30:00Z'))).toBe(23);
    expect(z.hour(Date.parse('2026-11-23T17:00:00Z'))).toBe(0);
    expect(z.dateTime(null)).toBe('');
  });

  it('follows a daylight-saving change within the same day', () => {
    const z = new ZoneClock('Europe/Berlin');
    // 29/03/2026: clocks jump from 02:00 to 03:00 local at 01:00Z.
    expect(z.dateTime(Date.parse('2026-03-29T00:59:59Z'))).toBe('29/03/2026 01:59:59');
    expect(z.dateTime(Date.parse('2026-03-29T01:00:00Z'))).toBe('29/03/2026 03:00:00');
    expect(z.hour(Date.parse('2026-03-29T01:30:00Z'))).toBe(3);
  });

  it('agrees with Intl on random instants', () => {
    const z = new ZoneClock('America/New_York');
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }), (ms) => {
        expect(z.dateTime(ms)).toBe(intl.format(ms).replace(',', ''));
      }),
    );
  });
});

describe('CSV cells', () => {
  it('quotes separators and quotes, keeps Vietnamese as NFC, and defuses formulas', () => {
    expect(cell('Hộ tịch')).toBe('Hộ tịch');
    expect(cell('Hộ tịch'.normalize('NFD'))).toBe('Hộ tịch'.normalize('NFC'));
    expect(cell('a,b')).toBe('"a,b"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('two\nlines')).toBe('"two\nlines"');
    expect(cell('=1+1')).toBe("'=1+1");
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(cell(-5)).toBe('-5');
    expect(cell(null)).toBe('');
    expect(line(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('rating reasons', () => {
  it('resolves ids and chip text (any case, NFC or NFD) to ids', () => {
    expect(resolveReasons(['Cán bộ nhiệt tình'.normalize('NFD'), 'LONG-WAIT', ' Unclear guidance '])).toEqual(['staff-helpful', 'long-wait', 'unclear-guidance']);
  });
  it('refuses a chip not in the catalog', () => {
    expect(() => resolveReasons(['Rất tuyệt'])).toThrow(expect.objectContaining({ code: 'RATING_REASON_UNKNOWN' }) as unknown as DomainError);
  });
});
