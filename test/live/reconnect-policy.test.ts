import { describe, expect, it } from 'vitest';
import { DEFAULT_RECONNECT_POLICY, reconnectDelay, redialsAfter, socketIoBackoffOptions } from '../../live/reconnect-policy';

describe('reconnect policy', () => {
  it('grows exponentially up to the cap', () => {
    const mid = (attempt: number) => reconnectDelay(attempt, DEFAULT_RECONNECT_POLICY, 0.5);
    expect([0, 1, 2, 3, 4, 5, 10].map(mid)).toEqual([1000, 2000, 3000, 3000, 3000, 3000, 3000]);
  });

  it('spreads clients over ±50 % so a restarted server is not hit all at once', () => {
    expect(reconnectDelay(2, DEFAULT_RECONNECT_POLICY, 0)).toBe(1500);
    expect(reconnectDelay(2, DEFAULT_RECONNECT_POLICY, 0.999999)).toBe(4500);
    const delays = Array.from({ length: 500 }, () => reconnectDelay(0));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1500);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('hands the same numbers to socket.io-client', () => {
    expect(socketIoBackoffOptions()).toMatchObject({ reconnectionDelay: 1000, reconnectionDelayMax: 3000, randomizationFactor: 0.5 });
  });

  it('gives up only on refusals of the session, never on network faults or other refusals', () => {
    expect(redialsAfter(new Error('UNAUTHENTICATED'))).toBe(false);
    expect(redialsAfter(new Error('PASSWORD_CHANGE_REQUIRED'))).toBe(false);
    for (const fault of ['websocket error', 'xhr poll error', 'timeout', 'TOO_MANY_CONNECTIONS', 'CROSS_ORIGIN', 'not now', '']) expect(redialsAfter(new Error(fault))).toBe(true);
  });
});
