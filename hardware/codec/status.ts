/**
 * Printer status bytes → flags → one status value. Pure; the service feeds it whatever the port delivers,
 * in chunks of any size.
 *
 * DLE EOT replies are one byte with fixed bits 0xx1xx10 (bit0 = 0, bit1 = 1, bit4 = 1, bit7 = 0).
 * Automatic Status Back frames (GS a) are four bytes: the first has 0xx1xx00, the next three have bit4 = 0 and
 * bit7 = 0. Bit1 (and bit4 of the trailing bytes) tells the two apart, so one read loop serves both.
 */
import type { PrinterStatusValue } from '../types';

export interface StatusFlags {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
}

export const CLEAR_FLAGS: StatusFlags = {
  offline: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
};

export type StatusFrame = { kind: 'reply'; byte: number } | { kind: 'asb'; bytes: [number, number, number, number] };

export const isReplyByte = (b: number) => (b & 0x93) === 0x12;
const isAsbFirst = (b: number) => (b & 0x93) === 0x10;
const isAsbTrailing = (b: number) => (b & 0x90) === 0x00;

/** Splits a byte stream into status frames, across chunk boundaries; bytes that fit neither are dropped. */
export class StatusFrameReader {
  private asb: number[] = [];
  dropped = 0;

  push(chunk: Uint8Array): StatusFrame[] {
    const frames: StatusFrame[] = [];
    for (const b of chunk) {
      if (this.asb.length) {
        if (isAsbTrailing(b)) {
          this.asb.push(b);
          if (this.asb.length === 4) {
            frames.push({ kind: 'asb', bytes: this.asb as [number, number, number, number] });
            this.asb = [];
          }
          continue;
        }
        // A broken frame: forget it and read this byte afresh.
        this.dropped += this.asb.length;
        this.asb = [];
      }
      if (isReplyByte(b)) frames.push({ kind: 'reply', byte: b });
      else if (isAsbFirst(b)) this.asb.push(b);
      else this.dropped++;
    }
    return frames;
  }
}

/** Applies the reply to `DLE EOT n` to the flags that request is about. */
export function applyReply(flags: StatusFlags, n: 1 | 2 | 3 | 4, byte: number): StatusFlags {
  switch (n) {
    case 1:
      return { ...flags, offline: (byte & 0x08) !== 0 };
    case 2:
      // Bit5 (stopped by paper end) is reported again, and better, by n = 4; only the cover is taken from here.
      return { ...flags, coverOpen: (byte & 0x04) !== 0 };
    case 3:
      return {
        ...flags,
        cutterError: (byte & 0x08) !== 0,
        unrecoverableError: (byte & 0x20) !== 0,
        autoRecoverableError: (byte & 0x40) !== 0,
      };
    case 4:
      return { ...flags, paperNearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 };
  }
}

/** Automatic Status Back: byte 1 offline/cover, byte 2 errors, byte 3 paper sensors. */
export function applyAsb(flags: StatusFlags, bytes: readonly number[]): StatusFlags {
  const [b1 = 0, b2 = 0, b3 = 0] = bytes;
  return {
    ...flags,
    offline: (b1 & 0x08) !== 0,
    coverOpen: (b1 & 0x20) !== 0,
    cutterError: (b2 & 0x08) !== 0,
    unrecoverableError: (b2 & 0x20) !== 0,
    autoRecoverableError: (b2 & 0x40) !== 0,
    paperNearEnd: (b3 & 0x03) !== 0,
    paperOut: (b3 & 0x0c) !== 0,
  };
}

/** The one status shown to staff: the cause they can act on wins over the bare "offline" bit. */
export function statusFromFlags(f: StatusFlags): PrinterStatusValue {
  if (f.coverOpen) return { status: 'cover-open' };
  if (f.paperOut) return { status: 'paper-out' };
  if (f.cutterError) return { status: 'error', detail: 'cutter error' };
  if (f.unrecoverableError) return { status: 'error', detail: 'unrecoverable error' };
  if (f.autoRecoverableError) return { status: 'error', detail: 'auto-recoverable error' };
  if (f.offline) return { status: 'offline', detail: 'printer reports offline' };
  if (f.paperNearEnd) return { status: 'paper-near-end' };
  return { status: 'ok' };
}

/** Whether a job sent now would print. Near end still prints; everything else would sit in the printer. */
export const canPrint = (s: PrinterStatusValue['status']) => s === 'ok' || s === 'paper-near-end';
