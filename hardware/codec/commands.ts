/** ESC/POS command bytes, one small function per command, so layouts and tests read as commands. */

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const FS = 0x1c;
export const LF = 0x0a;

export const init = (): number[] => [ESC, 0x40];
/** FS . — leave Kanji mode, which some Chinese clones start in and which would eat bytes ≥ 0x80 in pairs. */
export const cancelKanji = (): number[] => [FS, 0x2e];
export const codePage = (n: number): number[] => [ESC, 0x74, n];
export const align = (a: 'left' | 'center' | 'right'): number[] => [ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2];
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** GS ! — character size, 1..8 times in each direction. */
export const size = (width: number, height: number): number[] => [GS, 0x21, (((width - 1) & 7) << 4) | ((height - 1) & 7)];
export const feedLines = (n: number): number[] => [ESC, 0x64, n];
/** GS V 66 n: feed n dots then partial cut, so the cut falls below the last printed line. */
export const cut = (feedDots = 0): number[] => [GS, 0x56, 0x42, feedDots];

/** DLE EOT n: real-time status request (n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export const statusRequest = (n: 1 | 2 | 3 | 4): number[] => [DLE, 0x04, n];

function gsK(fn: number, params: number[]): number[] {
  const len = params.length + 2;
  return [GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, fn, ...params];
}

/** Native QR (GS ( k, model 2): the printer draws it, a few dozen bytes instead of kilobytes of raster. */
export function qrCode(data: string, moduleSize: number, errorLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): number[] {
  const payload = [...Buffer.from(data, 'utf8')];
  return [
    ...gsK(0x41, [0x32, 0x00]), // model 2
    ...gsK(0x43, [moduleSize]),
    ...gsK(0x45, [{ L: 48, M: 49, Q: 50, H: 51 }[errorLevel]]),
    ...gsK(0x50, [0x30, ...payload]),
    ...gsK(0x51, [0x30]),
  ];
}

/** GS v 0: one raster bit image; rows are widthBytes wide, MSB = leftmost dot, 1 = black. */
export function rasterImage(widthBytes: number, height: number, data: Uint8Array): number[] {
  return [GS, 0x76, 0x30, 0x00, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8, ...data];
}
