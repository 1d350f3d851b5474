/** Small waiting helpers for tests that drive real sockets and timers. */
import { afterEach } from 'vitest';

/** Poll `check` every 20 ms until it holds; fail with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Undo steps run after each test, last registered first: push servers and clients to close. */
export function cleanupAfterEach(): (() => Promise<void> | void)[] {
  const steps: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const undo of steps.splice(0).reverse()) await undo();
  });
  return steps;
}
