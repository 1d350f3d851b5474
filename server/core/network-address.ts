/** One client, one address: an IPv4 client seen on a dual-stack socket (`::ffff:10.0.0.5`) is the same as over IPv4. */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
