/**
 * Draws a decoded printout as the paper would look, for the admin page of the simulator: text in the
 * embedded font at its GS ! size, raster images as sent, QR codes drawn from their payload.
 */
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { Align } from '../codec/blocks';
import type { DecodedDocument } from '../codec/decoder';
import { createBitmap, fillRect, getPixel, setPixel, type Bitmap } from '../codec/raster/bitmap';
import { CELL_HEIGHT, CELL_WIDTH, drawChar } from '../codec/raster/font';

const MARGIN = 8;

type Painter = (target: Bitmap, y: number) => void;

function xFor(align: Align, paper: number, width: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paper - width) / 2));
  if (align === 'right') return Math.max(0, paper - width);
  return 0;
}

export function renderPreview(doc: DecodedDocument, paperDots: number): Bitmap {
  const steps: { height: number; paint: Painter }[] = [];
  for (const item of doc.items) {
    switch (item.kind) {
      case 'line': {
        const { text, width: sx, height: sy, bold, align } = item.line;
        const chars = [...text];
        const x0 = xFor(align, paperDots, chars.length * CELL_WIDTH * sx);
        steps.push({
          height: CELL_HEIGHT * sy,
          paint: (t, y) => chars.forEach((ch, i) => drawChar(t, ch, x0 + i * CELL_WIDTH * sx, y, sx, bold, sy)),
        });
        break;
      }
      case 'raster': {
        const img = item.image;
        const x0 = xFor(item.align, paperDots, img.width);
        steps.push({
          height: img.height,
          paint: (t, y) => {
            for (let yy = 0; yy < img.height; yy++)
              for (let xx = 0; xx < img.width; xx++) if (getPixel(img, xx, yy)) setPixel(t, x0 + xx, y + yy);
          },
        });
        break;
      }
      case 'qr': {
        let modules: { size: number; get(r: number, c: number): number | boolean } | null = null;
        try {
          modules = QRCode.create(item.data, { errorCorrectionLevel: 'M' }).modules;
        } catch {
          modules = null;
        }
        if (!modules) break;
        const m = modules;
        const side = m.size * item.moduleSize;
        const x0 = xFor(item.align, paperDots, side);
        steps.push({
          height: side + 2 * MARGIN,
          paint: (t, y) => {
            for (let r = 0; r < m.size; r++)
              for (let c = 0; c < m.size; c++)
                if (m.get(r, c)) fillRect(t, x0 + c * item.moduleSize, y + MARGIN + r * item.moduleSize, item.moduleSize, item.moduleSize);
          },
        });
        break;
      }
      case 'feed':
        steps.push({ height: item.dots, paint: () => undefined });
        break;
      case 'cut':
        steps.push({
          height: 16,
          paint: (t, y) => {
            for (let x = 0; x < paperDots; x += 8) fillRect(t, x, y + 8, 4, 1);
          },
        });
        break;
    }
  }
  const height = MARGIN * 2 + steps.reduce((h, s) => h + s.height, 0);
  const target = createBitmap(paperDots, height);
  let y = MARGIN;
  for (const s of steps) {
    s.paint(target, y);
    y += s.height;
  }
  return target;
}

export function bitmapToPng(b: Bitmap): Buffer {
  const png = new PNG({ width: b.width, height: b.height });
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      const v = getPixel(b, x, y) ? 0 : 255;
      const o = (y * b.width + x) * 4;
      png.data[o] = v;
      png.data[o + 1] = v;
      png.data[o + 2] = v;
      png.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
