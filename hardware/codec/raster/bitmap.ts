/** A 1-bit image in printer order: rows of ceil(width/8) bytes, MSB = leftmost dot, 1 = black. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(Math.ceil(width / 8) * height) };
}

export function rowBytes(b: Bitmap): number {
  return Math.ceil(b.width / 8);
}

export function getPixel(b: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return false;
  return (b.data[y * rowBytes(b) + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
}

export function setPixel(b: Bitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  b.data[y * rowBytes(b) + (x >> 3)]! |= 0x80 >> (x & 7);
}

export function fillRect(b: Bitmap, x: number, y: number, w: number, h: number): void {
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) setPixel(b, xx, yy);
}
