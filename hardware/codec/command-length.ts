/**
 * How many bytes the ESC/POS command at `i` takes, so a reader can step over parameters and image data
 * (a raster row may well contain 10 04 01, which must not be taken for a status request).
 * Returns 0 when the buffer ends inside the command (wait for more bytes).
 */
export function commandLength(buf: Uint8Array, i: number): number {
  const at = (k: number): number | undefined => buf[i + k];
  const need = (n: number) => (i + n <= buf.length ? n : 0);
  const b0 = at(0);
  if (b0 === undefined) return 0;
  if (b0 === 0x10) {
    // DLE EOT n, DLE ENQ n: 3 bytes; DLE DC4 fn m t: 5 bytes.
    if (at(1) === undefined) return 0;
    return at(1) === 0x14 ? need(5) : need(3);
  }
  if (b0 === 0x1b) {
    const b1 = at(1);
    if (b1 === undefined) return 0;
    // ESC @, ESC 2, ESC <: no parameter. Most others take one byte.
    if (b1 === 0x40 || b1 === 0x32 || b1 === 0x3c) return need(2);
    if (b1 === 0x70) return need(5); // ESC p m t1 t2
    if (b1 === 0x24 || b1 === 0x5c) return need(4); // ESC $ nL nH, ESC \ nL nH
    return need(3);
  }
  if (b0 === 0x1c) {
    const b1 = at(1);
    if (b1 === undefined) return 0;
    if (b1 === 0x2e || b1 === 0x26) return need(2); // FS . , FS &
    return need(3);
  }
  if (b0 === 0x1d) {
    const b1 = at(1);
    if (b1 === undefined) return 0;
    if (b1 === 0x28) {
      // GS ( x pL pH data
      if (i + 5 > buf.length) return 0;
      return need(5 + at(3)! + at(4)! * 256);
    }
    if (b1 === 0x76) {
      // GS v 0 m xL xH yL yH data
      if (i + 8 > buf.length) return 0;
      return need(8 + (at(4)! + at(5)! * 256) * (at(6)! + at(7)! * 256));
    }
    if (b1 === 0x56) {
      // GS V m [n]: m = 65, 66, 97, 98, 103, 104 carry n.
      const m = at(2);
      if (m === undefined) return 0;
      return need([65, 66, 97, 98, 103, 104].includes(m) ? 4 : 3);
    }
    if (b1 === 0x4c || b1 === 0x57 || b1 === 0x24 || b1 === 0x50) return need(4); // GS L, GS W, GS $, GS P
    return need(3);
  }
  return 1;
}
