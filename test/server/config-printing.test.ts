/** The printing settings are validated at start like every other one. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('printing configuration', () => {
  it('has defaults for the write timeout, the restart age and the expiry', () => {
    const c = loadConfig({});
    expect([c.PRINTER_WRITE_TIMEOUT_MS, c.PRINT_JOB_MAX_AGE_MIN, c.PRINT_JOB_EXPIRE_MIN]).toEqual([10_000, 10, 10]);
  });

  it('reads them as integers and refuses what makes no sense', () => {
    const c = loadConfig({ PRINTER_WRITE_TIMEOUT_MS: '2500', PRINT_JOB_MAX_AGE_MIN: '0', PRINT_JOB_EXPIRE_MIN: '30' });
    expect([c.PRINTER_WRITE_TIMEOUT_MS, c.PRINT_JOB_MAX_AGE_MIN, c.PRINT_JOB_EXPIRE_MIN]).toEqual([2500, 0, 30]);
    expect(() => loadConfig({ PRINTER_WRITE_TIMEOUT_MS: '10s' })).toThrow(ConfigError);
    expect(() => loadConfig({ PRINTER_WRITE_TIMEOUT_MS: '5' })).toThrow(/PRINTER_WRITE_TIMEOUT_MS/);
    expect(() => loadConfig({ PRINT_JOB_MAX_AGE_MIN: '-1' })).toThrow(/PRINT_JOB_MAX_AGE_MIN/);
    expect(() => loadConfig({ PRINT_JOB_EXPIRE_MIN: '0' })).toThrow(/PRINT_JOB_EXPIRE_MIN/);
  });
});
