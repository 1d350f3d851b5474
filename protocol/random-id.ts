/**
 * Random ids and idempotency keys for every page.
 *
 * Centers serve their pages over plain HTTP on the LAN (`http://center-pc:8080`), which browsers do not treat
 * as a secure context: `crypto.randomUUID` is undefined there. `crypto.getRandomValues` exists in every context,
 * so every page takes its keys from here and never from `randomUUID`.
 */
export function randomId(prefix = 'k'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
