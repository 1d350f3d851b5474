/** Each plugin states what it needs: registered without it, the app refuses to start instead of failing later. */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import realtime from '../../server/plugins/realtime';
import printing from '../../server/plugins/printing';
import sameOrigin from '../../server/plugins/same-origin';

describe('plugin dependencies', () => {
  it('refuses realtime without what it needs', async () => {
    const app = Fastify({ logger: false });
    await expect(app.register(realtime).ready()).rejects.toMatchObject({ code: 'FST_ERR_PLUGIN_DEPENDENCY_NOT_REGISTERED' });
    await app.close().catch(() => {});
  });

  it('refuses printing without core', async () => {
    const app = Fastify({ logger: false });
    await expect(app.register(printing).ready()).rejects.toThrow("The dependency 'core' of plugin 'printing' is not registered");
    await app.close().catch(() => {});
  });

  it('refuses the same-origin check without embedding (its exception list and its CORS headers come first)', async () => {
    const app = Fastify({ logger: false });
    await expect(app.register(sameOrigin).ready()).rejects.toMatchObject({ code: 'FST_ERR_PLUGIN_DEPENDENCY_NOT_REGISTERED' });
    await app.close().catch(() => {});
  });
});
