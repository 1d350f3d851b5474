/**
 * QR codes as one SVG path, drawn from the `qrcode` package's module matrix.
 * A path (not <canvas>, not a data URL) scales crisply to any size and needs no
 * CSP exception.
 */
import { create } from 'qrcode';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Path data in module units, offset by the 4-module quiet zone. */
  d: string;
}

export const QUIET_ZONE = 4;

export function qrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      // One rectangle per horizontal run keeps the path short.
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      d += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`;
    }
  }
  return { size, d };
}
