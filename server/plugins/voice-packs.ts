import fp from 'fastify-plugin';

/** Serves center-recorded voice packs; filled in by the display work. */
export default fp(async function voicePacks() {});
