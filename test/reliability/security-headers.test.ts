/**
 * Security headers (helmet) on every page the product serves, and on API answers:
 * CSP without inline scripts or eval, no framing by other sites, no MIME sniffing, no
 * referrer leaks. Pages exist only once `vite build` ran (the e2e global setup does it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app';
import { WEB_ROOT } from '../../server/plugins/pages';

const PAGES = ['/kiosk/', '/display/', '/display/counter/1', '/console/', '/t/x', '/rate/counter/1', '/docs'];

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.destroy();
});

function csp(header: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

function expectHelmet(headers: Record<string, unknown>, where: string) {
  const policy = csp(headers['content-security-policy'] as string);
  expect(policy.get('default-src'), where).toEqual(["'self'"]);
  expect(policy.get('script-src'), where).toEqual(["'self'"]);
  expect(policy.get('object-src'), where).toEqual(["'none'"]);
  expect(policy.get('base-uri'), where).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors'), where).toEqual(["'self'"]);
  // A LAN server on plain HTTP: upgrading would send browsers to an https that does not exist.
  expect(policy.has('upgrade-insecure-requests'), where).toBe(false);
  expect(headers['strict-transport-security'], where).toBeUndefined();
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['x-frame-options'], where).toBe('SAMEORIGIN');
  expect(headers['referrer-policy'], where).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy'], where).toBe('same-origin');
  expect(headers['cross-origin-resource-policy'], where).toBe('same-origin');
  expect(headers['x-dns-prefetch-control'], where).toBe('off');
  expect(headers['x-permitted-cross-domain-policies'], where).toBe('none');
  expect(headers['x-powered-by'], where).toBeUndefined();
}

describe('security headers', () => {
  it('the built pages exist (run `vite build`, or the e2e project without SKIP_WEB_BUILD=1)', () => {
    expect(existsSync(join(WEB_ROOT, 'kiosk', 'index.html'))).toBe(true);
  });

  for (const page of PAGES) {
    it(`${page} is served as HTML with CSP and the other helmet headers`, async () => {
      const res = await t.app.inject({ url: page });
      expect(res.statusCode, page).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectHelmet(res.headers, page);
      // script-src 'self' forbids inline scripts: a page relying on one would be broken.
      const inline = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim() !== '');
      expect(inline.map(([tag]) => tag.slice(0, 80)), page).toEqual([]);
    });
  }

  it('API answers, errors included, carry the same headers', async () => {
    for (const url of ['/api/health', '/api/queue/snapshot', '/api/tickets/nope', '/api/reports/summary', '/no-such-page']) {
      const res = await t.app.inject({ url });
      expectHelmet(res.headers, url);
    }
  });
});
