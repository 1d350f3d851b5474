/**
 * Asks `DLE EOT 1..4` one at a time and matches each reply to its question. One at a time because all four
 * replies share the same fixed bits: sent together, a lost byte would shift every later answer.
 */
import { statusRequest } from '../codec/commands';
import { StatusFrameReader, applyAsb, applyReply, type StatusFlags } from '../codec/status';

export interface PollResult {
  answered: boolean;
  flags: StatusFlags;
}

export class StatusPoller {
  private reader = new StatusFrameReader();
  private waiting: ((byte: number | null) => void) | null = null;

  constructor(
    private readonly send: (bytes: Uint8Array) => Promise<void>,
    private readonly onAsb: (update: (f: StatusFlags) => StatusFlags) => void,
  ) {}

  /** Feed every chunk the port delivers. */
  push(chunk: Uint8Array): void {
    for (const frame of this.reader.push(chunk)) {
      if (frame.kind === 'asb') this.onAsb((f) => applyAsb(f, frame.bytes));
      else if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(frame.byte);
      }
      // A reply nobody waits for is a late answer to a timed-out question: dropping it keeps the pairing right.
    }
  }

  /** Drops any question in flight (link lost). */
  cancel(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.(null);
  }

  async poll(flags: StatusFlags, timeoutMs: number): Promise<PollResult> {
    let next = flags;
    for (const n of [1, 2, 3, 4] as const) {
      const byte = await this.ask(n, timeoutMs);
      if (byte === null) return { answered: false, flags };
      next = applyReply(next, n, byte);
    }
    return { answered: true, flags: next };
  }

  private ask(n: 1 | 2 | 3 | 4, timeoutMs: number): Promise<number | null> {
    this.cancel();
    return new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        if (this.waiting === done) this.waiting = null;
        resolve(null);
      }, timeoutMs);
      const done = (byte: number | null) => {
        clearTimeout(timer);
        resolve(byte);
      };
      this.waiting = done;
      this.send(Uint8Array.from(statusRequest(n))).catch(() => {
        if (this.waiting === done) this.waiting = null;
        done(null);
      });
    });
  }
}
