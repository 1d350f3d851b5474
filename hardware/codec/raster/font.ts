/**
 * The embedded bitmap font used to print Vietnamese as raster on printers without a usable code page,
 * and to draw the simulator's picture. Each glyph sits in a 12×24 cell, the size of the printers' own
 * Font A, so a raster line holds as many characters as a text line (48 on 80 mm, 32 on 58 mm).
 */
import { FONT_CHARS } from './font-charset';
import { GLYPH_DATA_BASE64, GLYPH_HEIGHT, GLYPH_WIDTH } from './font-10x20';
import { createBitmap, getPixel, setPixel, type Bitmap } from './bitmap';

export const CELL_WIDTH = 12;
export const CELL_HEIGHT = 24;
const OFFSET_X = 1;
const OFFSET_Y = 2;
const GLYPH_BYTES = GLYPH_HEIGHT * 2;

const glyphData = Buffer.from(GLYPH_DATA_BASE64, 'base64');
const glyphIndex = new Map<string, number>([...FONT_CHARS].map((ch, i) => [ch, i]));

function glyphPixel(index: number, x: number, y: number): boolean {
  if (x < 0 || x >= GLYPH_WIDTH || y < 0 || y >= GLYPH_HEIGHT) return false;
  return (glyphData[index * GLYPH_BYTES + y * 2 + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
}

export function hasGlyph(ch: string): boolean {
  return glyphIndex.has(ch);
}

/** Draws one character cell at (x, y), scaled; bold smears each dot one cell-pixel right, as printers do. */
export function drawChar(target: Bitmap, ch: string, x: number, y: number, scale = 1, bold = false, scaleY = scale): void {
  const index = glyphIndex.get(ch) ?? glyphIndex.get('?')!;
  for (let gy = 0; gy < CELL_HEIGHT; gy++) {
    for (let gx = 0; gx < CELL_WIDTH; gx++) {
      const on =
        glyphPixel(index, gx - OFFSET_X, gy - OFFSET_Y) || (bold && glyphPixel(index, gx - OFFSET_X - 1, gy - OFFSET_Y));
      if (!on) continue;
      for (let sy = 0; sy < scaleY; sy++) for (let sx = 0; sx < scale; sx++) setPixel(target, x + gx * scale + sx, y + gy * scaleY + sy);
    }
  }
}

export interface TextLineOptions {
  width: number;
  scale?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Only as wide as the text (rounded to a byte); the printer aligns it with ESC a. Saves wire time. */
  crop?: boolean;
}

/**
 * One text line as a bitmap of one cell row. Alignment moves text by whole cells so that
 * `readTextLine` can find the characters again on a fixed grid.
 */
export function renderTextLine(text: string, opts: TextLineOptions): Bitmap {
  const scale = opts.scale ?? 1;
  const cellW = CELL_WIDTH * scale;
  const cols = Math.floor(opts.width / cellW);
  const chars = [...text.normalize('NFC')].slice(0, cols);
  const free = cols - chars.length;
  let startCol = opts.align === 'center' ? Math.floor(free / 2) : opts.align === 'right' ? free : 0;
  let width = opts.width;
  if (opts.crop) {
    startCol = 0;
    width = Math.max(8, Math.ceil((chars.length * cellW) / 8) * 8);
  }
  const bmp = createBitmap(width, CELL_HEIGHT * scale);
  chars.forEach((ch, i) => drawChar(bmp, ch, (startCol + i) * cellW, 0, scale, opts.bold ?? false));
  return bmp;
}

let reverse: Map<string, string> | null = null;

function cellKey(b: Bitmap, x0: number, y0: number, scale: number): string {
  let key = '';
  for (let y = 0; y < CELL_HEIGHT; y++) {
    let row = 0;
    for (let x = 0; x < CELL_WIDTH; x++) row = (row << 1) | (getPixel(b, x0 + x * scale, y0 + y * scale) ? 1 : 0);
    key += row.toString(16).padStart(3, '0');
  }
  return key;
}

function reverseMap(): Map<string, string> {
  if (reverse) return reverse;
  reverse = new Map();
  for (const bold of [false, true]) {
    for (const ch of FONT_CHARS) {
      const cell = createBitmap(CELL_WIDTH, CELL_HEIGHT);
      drawChar(cell, ch, 0, 0, 1, bold);
      const key = cellKey(cell, 0, 0, 1);
      if (!reverse.has(key)) reverse.set(key, ch);
    }
  }
  return reverse;
}

/**
 * Reads back a line drawn by `renderTextLine` (exact glyph match on the cell grid); unknown cells become
 * U+FFFD. Returns null when the bitmap is not one cell row high. Used by tests and the decoder, never as OCR
 * of arbitrary images.
 */
export function readTextLine(b: Bitmap): string | null {
  if (b.height % CELL_HEIGHT !== 0) return null;
  const scale = b.height / CELL_HEIGHT;
  const cellW = CELL_WIDTH * scale;
  const map = reverseMap();
  let text = '';
  for (let col = 0; col + 1 <= Math.floor(b.width / cellW); col++) text += map.get(cellKey(b, col * cellW, 0, scale)) ?? '\uFFFD';
  return text.trim();
}
