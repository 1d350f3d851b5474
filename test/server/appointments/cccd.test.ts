/**
 * The CCCD QR text: read with made-up samples of the real shape (old ID present and empty) and bad input; a walk-in
 * scan giving the elderly priority from the center's age; the scanned text kept nowhere and logged nowhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ageOn, parseCccd } from '../../../protocol/cccd';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { FakeClock, TEST_DAY_START } from '../../helpers/clock';
import type { TestApp } from '../../helpers/app';
import { UNLIMITED_ISSUING } from '../../helpers/limits';
import { appointmentApp, setSettings } from './helpers';

// Made-up people in the card's format: ID|old ID|name|birth ddMMyyyy|gender|address|issue date ddMMyyyy
const WITH_OLD_ID = '001190012345|013456789|Nguyễn Văn Bình|15031950|Nam|Số 12 ngõ 34 phố Hàng Bạc, Hàng Đào, Hoàn Kiếm, Hà Nội|10072021';
const WITHOUT_OLD_ID = '079285001122||Lê Thị Hoa|02091985|Nữ|Tổ 5, phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|21042022';
/** 75 on the tests' day (23/11/2026) exactly: born 23/11/1951. */
const TURNS_75_TODAY = '031051004455||Phạm Văn Tư|23111951|Nam|Thôn 3, xã Tân Lập|01012022';
/** 59, a day short of 60. */
const ALMOST_60 = '031066004455||Đỗ Thị Năm|24111966|Nữ|Thôn 3, xã Tân Lập|01012022';

describe('parseCccd', () => {
  it('reads the ID number and birth date, with or without the old ID, and nothing else', () => {
    expect(parseCccd(WITH_OLD_ID)).toEqual({ ok: true, facts: { idNumber: '001190012345', birthDate: '1950-03-15' } });
    expect(parseCccd(WITHOUT_OLD_ID)).toEqual({ ok: true, facts: { idNumber: '079285001122', birthDate: '1985-09-02' } });
    // As a scanner types it: with the Enter at the end.
    expect(parseCccd(`${WITHOUT_OLD_ID}\r\n`).ok).toBe(true);
    const facts = (parseCccd(WITH_OLD_ID) as { facts: object }).facts;
    expect(JSON.stringify(facts)).not.toMatch(/Bình|Hàng Bạc|013456789|Nam/);
  });

  it('refuses bad input with a reason, never an exception', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['   \r\n', 'empty'],
      ['001190012345', 'fields'],
      ['001190012345|013456789|Nguyễn Văn Bình|15031950|Nam|Hà Nội', 'fields'],
      ['00119001234|013456789|A|15031950|Nam|Hà Nội|10072021', 'id-number'],
      ['00119001234X|013456789|A|15031950|Nam|Hà Nội|10072021', 'id-number'],
      ['001190012345|01345678|A|15031950|Nam|Hà Nội|10072021', 'old-id'],
      ['001190012345||A|31021950|Nam|Hà Nội|10072021', 'birth-date'],
      ['001190012345||A|1950-03-15|Nam|Hà Nội|10072021', 'birth-date'],
      ['001190012345||A|15031950|Nam|Hà Nội|99999999', 'issue-date'],
      ['001190012345||A|15031950|Nam|Hà Nội|01011940', 'issue-date'],
      ['https://example.test/?q=001190012345', 'fields'],
    ];
    for (const [text, reason] of cases) expect(parseCccd(text), JSON.stringify(text)).toEqual({ ok: false, reason });
  });

  it('counts age in whole years on a day, a birthday counting from that day', () => {
    expect(ageOn('1951-11-23', '2026-11-23')).toBe(75);
    expect(ageOn('1951-11-24', '2026-11-23')).toBe(74);
    expect(ageOn('1966-11-24', '2026-11-23')).toBe(59);
    expect(ageOn('1960-02-29', '2020-02-28')).toBe(59);
    expect(ageOn('1960-02-29', '2020-02-29')).toBe(60);
  });
});

describe('a walk-in scanning their CCCD at the kiosk', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.destroy();
    t = undefined;
  });

  const issue = (app: TestApp['app'], body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich', ...body } });

  it('gets the elderly priority from the center’s age (60 by default, 75 if the center says so)', async () => {
    const r = await appointmentApp();
    t = r.t;
    expect((await issue(r.app, { cccd: WITH_OLD_ID })).json().priorityId).toBe('pri-elderly'); // 76
    expect((await issue(r.app, { cccd: WITHOUT_OLD_ID })).json().priorityId).toBeNull(); // 41
    expect((await issue(r.app, { cccd: ALMOST_60 })).json().priorityId).toBeNull(); // 59
    await setSettings(r.app, { elderlyAge: 75 });
    expect((await issue(r.app, { cccd: TURNS_75_TODAY })).json().priorityId).toBe('pri-elderly');
    await setSettings(r.app, { elderlyAge: 76 });
    expect((await issue(r.app, { cccd: TURNS_75_TODAY })).json().priorityId).toBeNull();
    // A group chosen on the screen stays.
    expect((await issue(r.app, { cccd: WITHOUT_OLD_ID, priority: 'pri-pregnant' })).json().priorityId).toBe('pri-pregnant');
  });

  it('a scan that cannot be read is a clear 400 and issues nothing', async () => {
    const r = await appointmentApp();
    t = r.t;
    const res = await issue(r.app, { cccd: '001190012345|garbage' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'CCCD_INVALID']);
    expect(res.json().message).toBe('Không đọc được mã QR trên thẻ căn cước. Vui lòng quét lại hoặc chọn đối tượng ưu tiên trên màn hình.');
    expect(r.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get()).toBe(0);
  });

  it('keeps and logs nothing of the scanned text or the ID number', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qm-test-'));
    const lines: string[] = [];
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'trace', PUBLIC_URL: 'http://kiosk.test', ...UNLIMITED_ISSUING });
    const app = await buildApp({ config, clock: new FakeClock(TEST_DAY_START), logger: { level: 'trace', stream: { write: (s: string) => lines.push(s) } } });
    await app.ready();
    try {
      expect((await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich', cccd: WITH_OLD_ID } })).statusCode).toBe(201);
      expect((await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich', cccd: 'not|a|card' } })).statusCode).toBe(400);
      const booked = await app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 'svc-hotich', date: '2026-11-24', time: '09:00', idNumber: '079285001122', phone: '0912345678', name: 'Lê Thị Hoa' } });
      expect(booked.statusCode).toBe(201);
      // Whatever some code might log one day, the personal fields are redacted.
      app.log.info({ body: { cccd: WITH_OLD_ID, idNumber: '079285001122', phone: '0912345678' } }, 'a careless line');
      const log = lines.join('');
      expect(log).toContain('a careless line');
      expect(log).toContain('appointment booked');
      for (const secret of ['001190012345', '15031950', 'Hàng Bạc', '079285001122', '0912345678', 'Lê Thị Hoa']) expect(log, secret).not.toContain(secret);

      app.db.pragma('wal_checkpoint(TRUNCATE)');
      const file = readFileSync(join(dataDir, 'hang-cho.sqlite'));
      for (const secret of ['001190012345', '15031950', 'Hàng Bạc', '079285001122']) expect(file.includes(Buffer.from(secret)), secret).toBe(false);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
