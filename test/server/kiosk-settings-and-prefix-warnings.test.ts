/** The kiosk's settings (voice, volume, layout) and the warning when a service prefix would sound like another. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centerFromRow } from '../../server/store/rows';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';

let t: TestApp;
let admin: string;

beforeEach(async () => {
  t = await createTestApp({ clock: new FakeClock() });
  admin = await loginCookie(t.app, 'admin');
});
afterEach(() => t.destroy());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const api = (method: Method, url: string, payload?: object, lang = 'vi') => t.app.inject({ method, url, payload, headers: { cookie: admin, 'accept-language': lang } });

const settings = { recallsBeforeNoShow: 2, callNextWhileServing: 'complete', routing: 'target-wait', maxPriorityStreak: 3, numberDigits: 3, voiceVariant: 'north', voiceDigitByDigit: false, announceEnglish: false };
const center = { name: 'Trung tâm', nameEn: 'Center', address: '', timeZone: 'Asia/Ho_Chi_Minh', settings };

describe('kiosk settings', () => {
  it('start on: voice on, volume 80, the standard layout — in the public center and the snapshot', async () => {
    expect(t.app.queue.state().center.settings).toMatchObject({ kioskVoice: true, kioskVolume: 80, kioskLayout: 'standard' });
    const publicCenter = (await t.app.inject({ url: '/api/center' })).json();
    expect(publicCenter).toMatchObject({ kioskVoice: true, kioskVolume: 80, kioskLayout: 'standard' });
    const snap = (await t.app.inject({ url: '/api/queue/snapshot' })).json();
    expect(snap.center).toMatchObject({ kioskVoice: true, kioskVolume: 80, kioskLayout: 'standard' });
  });

  it('are saved by the admin and reach the kiosk', async () => {
    const res = await api('PUT', '/api/admin/center', { ...center, settings: { ...settings, kioskVoice: false, kioskVolume: 35, kioskLayout: 'elderly-first' } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/center' })).json()).toMatchObject({ kioskVoice: false, kioskVolume: 35, kioskLayout: 'elderly-first' });
    // A client that does not know them yet leaves them as they are.
    expect((await api('PUT', '/api/admin/center', center)).statusCode).toBe(200);
    expect(t.app.queue.state().center.settings).toMatchObject({ kioskVoice: false, kioskVolume: 35, kioskLayout: 'elderly-first' });
  });

  it.each([
    ['a volume over 100', { kioskVolume: 101 }],
    ['a negative volume', { kioskVolume: -1 }],
    ['a volume with decimals', { kioskVolume: 50.5 }],
    ['an unknown layout', { kioskLayout: 'big' }],
    ['a voice switch that is not a boolean', { kioskVoice: 'yes' }],
  ])('refuses %s and changes nothing', async (_, bad) => {
    const res = await api('PUT', '/api/admin/center', { ...center, settings: { ...settings, ...bad } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_ERROR');
    expect(t.app.queue.state().center.settings).toMatchObject({ kioskVoice: true, kioskVolume: 80, kioskLayout: 'standard' });
  });

  it('a center saved before these settings existed reads them as their defaults', () => {
    const row = { id: 'old', name: 'Cũ', name_en: '', address: '', time_zone: 'Asia/Ho_Chi_Minh', settings: JSON.stringify(settings) };
    expect(centerFromRow(row).settings).toMatchObject({ ...settings, kioskVoice: true, kioskVolume: 80, kioskLayout: 'standard' });
    const saved = { ...row, settings: JSON.stringify({ ...settings, kioskVoice: false, kioskVolume: 0, kioskLayout: 'elderly-first' }) };
    expect(centerFromRow(saved).settings).toMatchObject({ kioskVoice: false, kioskVolume: 0, kioskLayout: 'elderly-first' });
  });
});

describe('a prefix that would sound like another active service’s', () => {
  const justice = { code: 'TP', name: 'Tư pháp', nameEn: 'Justice', field: 'Tư pháp', prefix: 'L', numberStart: 1, numberEnd: 999, dailyQuota: null, openingHours: null, targetWaitMinutes: 20, defaultServiceMinutes: 8, icon: '', active: true, sortOrder: 9 };

  it('is saved with a Vietnamese warning (the demo center in the North already uses D for Xây dựng)', async () => {
    // Bảo trợ xã hội (G) goes first, so the new service takes its letter.
    expect((await api('DELETE', '/api/admin/services/svc-baotro')).statusCode).toBe(200);
    const res = await api('POST', '/api/admin/services', { ...justice, prefix: 'G' });
    expect(res.statusCode).toBe(201);
    expect(t.app.queue.state().services.get('svc-tp')?.prefix).toBe('G');
    expect(res.json().warnings).toEqual([
      {
        code: 'PREFIX_NAMES_SOUND_ALIKE',
        params: expect.objectContaining({ prefix: 'G', other: 'D', service: 'Xây dựng', reading: 'gờ', otherReading: 'dê', name: 'giê', otherName: 'dê' }),
        message:
          'Lưu ý: tiền tố “G” và tiền tố “D” của dịch vụ “Xây dựng” nghe giống nhau theo giọng miền Bắc khi đọc tên chữ cái (“giê” – “dê”). Loa gọi số đọc khác nhau (“gờ” – “dê”), nhưng công dân và cán bộ vẫn dễ nhầm khi tự đọc số; nên chọn chữ cái khác.',
      },
    ]);

    const off = await api('PUT', '/api/admin/services/svc-tp', { ...justice, prefix: 'G', active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().warnings, 'an inactive service issues nothing: no warning').toBeUndefined();
  });

  it('warns in English when asked, on an edit too', async () => {
    const { id: _id, ...baotro } = t.app.queue.state().services.get('svc-baotro')!;
    const res = await api('PUT', '/api/admin/services/svc-baotro', { ...baotro, name: 'Bảo trợ xã hội' }, 'en');
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings).toHaveLength(1);
    expect(res.json().warnings[0].message).toContain('sound the same in the Northern accent');
    expect(res.json().warnings[0].message).toContain('“Xây dựng”');
  });

  it('follows the center’s voice region: in the South V also sounds like D and G', async () => {
    expect((await api('PUT', '/api/admin/center', { ...center, settings: { ...settings, voiceVariant: 'south' } })).statusCode).toBe(200);
    const res = await api('POST', '/api/admin/services', { ...justice, prefix: 'V' });
    expect(res.statusCode).toBe(201);
    const warnings = res.json().warnings as { code: string; params: { other: string } }[];
    expect(warnings.map((w) => [w.code, w.params.other])).toEqual([
      ['PREFIX_NAMES_SOUND_ALIKE', 'D'],
      ['PREFIX_NAMES_SOUND_ALIKE', 'G'],
    ]);
  });

  it('says nothing for a prefix that sounds like no other', async () => {
    const res = await api('POST', '/api/admin/services', { ...justice, prefix: 'L' });
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toBeUndefined();
  });
});
