/**
 * Clients that leave from other loopback addresses (on Linux the whole 127.0.0.0/8 is this machine), for tests
 * where the server counts by address: the per-address socket cap, issuing limits. Traffic still goes to 127.0.0.1.
 */
import { Agent } from 'node:http';

/** An HTTP agent (socket.io-client's `agent`, for WebSocket and polling alike) whose connections come from `address`. */
export function agentFrom(address: string): Agent {
  return new Agent({ localAddress: address });
}

/**
 * The address of client number `index` when each address holds at most `perAddress` clients: 127.0.1.1 for the
 * first ones, then 127.0.1.2… (127.0.0.x stays free for the tests' own requests and for other tests' addresses).
 */
export function spreadAddress(index: number, perAddress: number): string {
  const n = Math.floor(index / perAddress);
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}
