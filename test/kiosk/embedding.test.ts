/** CORS for the embeddable kiosk: only configured origins, only the kiosk's routes, never credentials. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { parseOrigins } from '../../server/plugins/embedding';

const ALLOWED = 'https://cong.example.gov.vn';
let t: TestApp;
let plain: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { KIOSK_EMBED_ORIGINS: `${ALLOWED}/, http://10.0.0.9:3000` } });
  plain = await createTestApp();
});
afterAll(async () => {
  await t?.destroy();
  await plain?.destroy();
});

const acao = (res: { headers: Record<string, unknown> }) => res.headers['access-control-allow-origin'];

describe('KIOSK_EMBED_ORIGINS', () => {
  it('parses a comma list, ignoring blanks and trailing slashes', () => {
    expect([...parseOrigins(' https://a.vn/ ,,http://b:3000')]).toEqual(['https://a.vn', 'http://b:3000']);
    expect(parseOrigins(undefined).size).toBe(0);
  });

  it.each(['/api/services', '/api/priorities', '/api/center', '/api/procedures?q=khai%20sinh', '/api/procedures/fields', '/api/procedures/proc-dang-ky-khai-sinh'])(
    'opens GET %s to an allowed origin, exposing the total count',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { origin: ALLOWED } });
      expect(res.statusCode).toBe(200);
      expect(acao(res)).toBe(ALLOWED);
      expect(String(res.headers['access-control-expose-headers'])).toContain('x-total-count');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    },
  );

  it('answers the preflight of POST /api/tickets with the Idempotency-Key header allowed', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/tickets',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(res.statusCode).toBe(204);
    expect(acao(res)).toBe(ALLOWED);
    expect(String(res.headers['access-control-allow-headers'])).toContain('idempotency-key');
  });

  it('refuses other origins and non-kiosk routes', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/api/services', headers: { origin: 'https://evil.example' } });
    expect(acao(other)).toBeUndefined();
    const staff = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { origin: ALLOWED } });
    expect(acao(staff)).toBeUndefined();
    const call = await t.app.inject({ method: 'OPTIONS', url: '/api/counters/1/call-next', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
    expect(acao(call)).toBeUndefined();
  });

  it('is same-origin only when unset', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/api/services', headers: { origin: ALLOWED } });
    expect(res.statusCode).toBe(200);
    expect(acao(res)).toBeUndefined();
  });
});
