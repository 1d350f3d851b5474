import fp from 'fastify-plugin';

/** Cross-origin access for the embeddable kiosk; filled in by the kiosk work. */
export default fp(async function embedding() {});
