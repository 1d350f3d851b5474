/**
 * Voice packs at /voice/<pack>/…: a center's own recordings in
 * `${DATA_DIR}/voice/<pack>/` win file by file over the packs built into the
 * pages (dist/web/voice, copied from public/voice), so a center can drop in a
 * re-recorded `manifest.json` and a few clips without rebuilding anything.
 * Only registered when `${DATA_DIR}/voice` exists; otherwise the pages plugin
 * serves the built packs as plain static files.
 */
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../paths';

const REPO_ROOT = projectRoot();

/** Where the packs shipped with the code live: the build output, else the sources. */
function builtPackRoot(): string | null {
  for (const dir of [resolve(REPO_ROOT, 'dist/web/voice'), resolve(REPO_ROOT, 'public/voice')]) {
    if (existsSync(dir)) return dir;
  }
  return null;
}

export default fp(async function voicePacks(app) {
  const centerRoot = resolve(app.config.DATA_DIR, 'voice');
  if (!existsSync(centerRoot) || !statSync(centerRoot).isDirectory()) return;
  const roots = [centerRoot, builtPackRoot()].filter((r): r is string => r !== null);
  app.log.info({ centerRoot }, 'serving center voice packs');
  // Several roots: a file missing from the first falls through to the next.
  await app.register(fastifyStatic, {
    root: roots,
    prefix: '/voice/',
    decorateReply: false,
    wildcard: true,
    index: false,
    dotfiles: 'deny',
    // Clips change only when a center re-records; a day's caching spares the LAN at every page load.
    maxAge: '1d',
  });
}, { name: 'voice-packs', dependencies: ['core'] });
