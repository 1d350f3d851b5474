/** /voice/<pack>/…: a center's recordings from DATA_DIR, the built packs behind them. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

function dataDirWithPack(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'qm-voice-'));
  const pack = join(dataDir, 'voice', 'hcc-hoa-binh');
  mkdirSync(join(pack, 'vi-north'), { recursive: true });
  writeFileSync(join(pack, 'manifest.json'), JSON.stringify({ name: 'hcc-hoa-binh', version: 1, clips: { 'vi-north/phrase-invite': { file: 'vi-north/phrase-invite.ogg', durationMs: 2000, text: 'mời công dân có số thứ tự' } } }));
  writeFileSync(join(pack, 'vi-north', 'phrase-invite.ogg'), Buffer.from('OggS-center-recording'));
  writeFileSync(join(dataDir, 'voice', '.secret'), 'no');
  return dataDir;
}

describe('voice packs route', () => {
  it("serves the center's own pack from DATA_DIR/voice", async () => {
    t = await createTestApp({ dataDir: dataDirWithPack() });
    const manifest = await t.app.inject({ url: '/voice/hcc-hoa-binh/manifest.json' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json().name).toBe('hcc-hoa-binh');
    const clip = await t.app.inject({ url: '/voice/hcc-hoa-binh/vi-north/phrase-invite.ogg' });
    expect(clip.statusCode).toBe(200);
    expect(clip.body).toBe('OggS-center-recording');
    expect(clip.headers['content-type']).toContain('ogg');
  });

  it('falls back to the built default pack for files the center does not have', async () => {
    t = await createTestApp({ dataDir: dataDirWithPack() });
    const manifest = await t.app.inject({ url: '/voice/default/manifest.json' });
    expect(manifest.statusCode).toBe(200);
    expect(Object.keys(manifest.json().clips)).toContain('vi-north/phrase-invite');
    const chime = await t.app.inject({ url: '/voice/default/chime.ogg' });
    expect(chime.statusCode).toBe(200);
    expect(chime.rawPayload.subarray(0, 4).toString()).toBe('OggS');
  });

  it('never serves outside the packs (traversal, dotfiles) and 404s unknown files', async () => {
    t = await createTestApp({ dataDir: dataDirWithPack() });
    for (const url of ['/voice/../hang-cho.sqlite', '/voice/%2e%2e/hang-cho.sqlite', '/voice/.secret', '/voice/hcc-hoa-binh/missing.ogg']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('SQLite');
    }
  });
});
