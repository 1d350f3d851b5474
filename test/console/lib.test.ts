import { describe, expect, it } from 'vitest';
import { actionForKey } from '../../console/lib/shortcuts';
import { clock, dmy, parseDmy } from '../../console/lib/format';
import { addDays, localDay } from '../../protocol/local-time';
import { formatHours, parseHours } from '../../console/lib/hours';
import { parseHash } from '../../console/lib/router';
import { reasonsFor } from '../../console/lib/rating-text';
import { changedFields } from '../../console/components/qm-admin-audit';

const key = (k: string, extra: Partial<Parameters<typeof actionForKey>[0]> = {}) => actionForKey({ key: k, ctrlKey: false, altKey: false, metaKey: false, repeat: false, targetTag: 'BODY', ...extra });

describe('shortcuts', () => {
  it('maps letters in either case, never while typing, held down or with modifiers', () => {
    expect(key('n')).toBe('callNext');
    expect(key('C')).toBe('complete');
    expect(key('n', { targetTag: 'INPUT' })).toBeNull();
    expect(key('n', { targetTag: 'TEXTAREA' })).toBeNull();
    expect(key('n', { repeat: true })).toBeNull();
    expect(key('r', { ctrlKey: true })).toBeNull();
    expect(key('x')).toBeNull();
  });
});

describe('dates', () => {
  it('shows and reads dd/MM/yyyy, rejecting impossible dates', () => {
    expect(dmy('2026-03-07')).toBe('07/03/2026');
    expect(parseDmy('7/3/2026')).toBe('2026-03-07');
    expect(parseDmy('31/02/2026')).toBeNull();
    expect(parseDmy('2026-03-07')).toBeNull();
  });
  it('computes the day in the center’s zone, not UTC', () => {
    // 18:30 UTC on the 6th is already the 7th in Hồ Chí Minh City.
    expect(localDay(Date.UTC(2026, 2, 6, 18, 30), 'Asia/Ho_Chi_Minh')).toBe('2026-03-07');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('formats elapsed time', () => {
    expect(clock(65_000)).toBe('1:05');
    expect(clock(3_725_000)).toBe('1:02:05');
    expect(clock(-5)).toBe('0:00');
  });
});

describe('opening hours text', () => {
  it('round-trips windows', () => {
    const parsed = parseHours('1-5 7:30-11:30\n6 07:30–11:30');
    expect(parsed).toEqual({ ok: [{ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }, { days: [6], from: '07:30', to: '11:30' }] });
    expect(formatHours((parsed as { ok: never }).ok)).toBe('1-5 07:30-11:30\n6 07:30-11:30');
    expect(parseHours('  ')).toEqual({ ok: null });
    expect(parseHours('8 07:30-11:30')).toEqual({ badLine: '8 07:30-11:30' });
    expect(parseHours('5-1 07:30-11:30')).toEqual({ badLine: '5-1 07:30-11:30' });
  });
});

describe('routes by role', () => {
  it('sends each role home when the hash names a screen it may not see', () => {
    expect(parseHash('#/admin/staff', 'admin')).toEqual({ screen: 'admin', tab: 'staff' });
    expect(parseHash('#/admin/staff', 'director')).toEqual({ screen: 'floor' });
    expect(parseHash('#/reports', 'staff')).toEqual({ screen: 'counter' });
    expect(parseHash('', 'director')).toEqual({ screen: 'floor' });
    expect(parseHash('#/admin/nope', 'admin')).toEqual({ screen: 'admin', tab: 'services' });
  });
});

describe('rating reasons', () => {
  it('offers positive chips for 3–4 and negative for 1–2, from the server when it answered', () => {
    expect(reasonsFor(4, null).every((r) => r.positive)).toBe(true);
    expect(reasonsFor(1, null).every((r) => !r.positive)).toBe(true);
    const server = { positive: [{ id: 'x', label: 'Tốt', labelEn: 'Good', positive: true }], negative: [] };
    expect(reasonsFor(3, server).map((r) => r.id)).toEqual(['x']);
    expect(reasonsFor(2, server).length).toBeGreaterThan(0);
  });
});

describe('audit change summary', () => {
  it('lists only the fields that changed', () => {
    expect(changedFields({ before: { a: 1, b: 'x' }, after: { a: 1, b: 'y' } })).toBe('b: "x" → "y"');
  });
});
