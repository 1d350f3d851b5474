/** Status bytes from raw hex: DLE EOT replies, Automatic Status Back, chunking and garbage. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLEAR_FLAGS, StatusFrameReader, applyAsb, applyReply, statusFromFlags, type StatusFlags } from '../../hardware/codec/status';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));

function afterReplies(replies: [1 | 2 | 3 | 4, number][]): StatusFlags {
  return replies.reduce((f, [n, b]) => applyReply(f, n, b), CLEAR_FLAGS);
}

describe('DLE EOT replies', () => {
  it('an idle printer (12 12 12 12) is ok', () => {
    expect(statusFromFlags(afterReplies([[1, 0x12], [2, 0x12], [3, 0x12], [4, 0x12]]))).toEqual({ status: 'ok' });
  });
  it('paper near end: n=4 bits 2-3', () => {
    expect(statusFromFlags(afterReplies([[1, 0x12], [2, 0x12], [3, 0x12], [4, 0x1e]])).status).toBe('paper-near-end');
  });
  it('paper out: n=4 bits 5-6, even with the offline bit set by n=1', () => {
    expect(statusFromFlags(afterReplies([[1, 0x1a], [2, 0x32], [3, 0x12], [4, 0x7e]])).status).toBe('paper-out');
  });
  it('cover open: n=2 bit 2 wins over paper and offline', () => {
    expect(statusFromFlags(afterReplies([[1, 0x1a], [2, 0x16], [3, 0x12], [4, 0x7e]])).status).toBe('cover-open');
  });
  it('cutter error: n=3 bit 3', () => {
    expect(statusFromFlags(afterReplies([[1, 0x1a], [2, 0x52], [3, 0x1a], [4, 0x12]]))).toEqual({ status: 'error', detail: 'cutter error' });
  });
  it('offline with no known cause: n=1 bit 3', () => {
    expect(statusFromFlags(afterReplies([[1, 0x1a], [2, 0x12], [3, 0x12], [4, 0x12]])).status).toBe('offline');
  });
});

describe('frame reader', () => {
  it('tells DLE EOT replies and ASB frames apart by their fixed bits', () => {
    const r = new StatusFrameReader();
    expect(r.push(bytes('12 38 00 00 00 1e'))).toEqual([
      { kind: 'reply', byte: 0x12 },
      { kind: 'asb', bytes: [0x38, 0x00, 0x00, 0x00] },
      { kind: 'reply', byte: 0x1e },
    ]);
  });

  it('assembles an ASB frame split across chunks', () => {
    const r = new StatusFrameReader();
    expect(r.push(bytes('10 00'))).toEqual([]);
    expect(r.push(bytes('0c'))).toEqual([]);
    const frames = r.push(bytes('00'));
    expect(frames).toEqual([{ kind: 'asb', bytes: [0x10, 0x00, 0x0c, 0x00] }]);
    expect(statusFromFlags(applyAsb(CLEAR_FLAGS, (frames[0] as { bytes: number[] }).bytes)).status).toBe('paper-out');
  });

  it('ASB: cover open, cutter error, near end', () => {
    expect(statusFromFlags(applyAsb(CLEAR_FLAGS, [0x38, 0, 0, 0])).status).toBe('cover-open');
    expect(statusFromFlags(applyAsb(CLEAR_FLAGS, [0x18, 0x08, 0, 0]))).toEqual({ status: 'error', detail: 'cutter error' });
    expect(statusFromFlags(applyAsb(CLEAR_FLAGS, [0x10, 0, 0x03, 0])).status).toBe('paper-near-end');
  });

  it('drops corrupt bytes and a broken ASB frame, then reads on', () => {
    const r = new StatusFrameReader();
    // ff/81 fit no frame; "10 00" starts an ASB that a reply byte (12) breaks off.
    expect(r.push(bytes('ff 81 10 00 12 16'))).toEqual([
      { kind: 'reply', byte: 0x12 },
      { kind: 'reply', byte: 0x16 },
    ]);
    expect(r.dropped).toBe(4);
    // XON/XOFF from software flow control is not status.
    expect(r.push(bytes('11 13'))).toEqual([]);
  });

  it('gives the same frames however the stream is chunked', () => {
    const stream = bytes('12 38 00 00 00 16 ff 10 00 0c 00 7e 00 12');
    const whole = new StatusFrameReader().push(stream);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: stream.length }), { maxLength: 10 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const r = new StatusFrameReader();
        const frames = [];
        let from = 0;
        for (const p of [...points, stream.length]) {
          frames.push(...r.push(stream.subarray(from, p)));
          from = p;
        }
        expect(frames).toEqual(whole);
      }),
    );
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
        const frames = new StatusFrameReader().push(data);
        for (const f of frames) if (f.kind === 'reply') statusFromFlags(applyReply(CLEAR_FLAGS, 1, f.byte));
      }),
    );
  });
});
