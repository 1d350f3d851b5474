/**
 * Our ESC/POS reader: printer bytes → what the paper would show (text lines through the code page in
 * effect, character size, QR payloads, raster images, cuts). No emulator exists for this, and the tests
 * and the simulator both need one. Lines drawn by our raster renderer are read back by exact glyph match.
 */
import type { Align } from './blocks';
import { commandLength } from './command-length';
import { decodeBytes, type Charset } from './code-pages';
import { findProfile, type PrinterProfile } from './profiles';
import type { Bitmap } from './raster/bitmap';
import { readTextLine } from './raster/font';

export interface DecodedLine {
  text: string;
  /** GS ! multipliers in effect (largest on the line). */
  width: number;
  height: number;
  bold: boolean;
  align: Align;
  source: 'text' | 'raster';
}

export type DecodedItem =
  | { kind: 'line'; line: DecodedLine }
  | { kind: 'qr'; data: string; moduleSize: number; align: Align }
  | { kind: 'raster'; image: Bitmap; text: string | null; align: Align }
  | { kind: 'feed'; dots: number }
  | { kind: 'cut' };

export interface DecodedDocument {
  items: DecodedItem[];
  /** Non-empty text, in order, whether printed as text or drawn as raster. */
  lines: DecodedLine[];
  qr: string[];
  rasters: Bitmap[];
  cuts: number;
  /** ESC t pages selected, in order. */
  pages: number[];
  /** Commands we do not model, as hex, for assertions and debugging. */
  unknown: string[];
}

function charsetOf(profile: PrinterProfile, page: number): Charset {
  if (profile.tcvn3?.lower === page) return 'tcvn3';
  if (profile.tcvn3?.upper === page) return 'tcvn3-capitals';
  if (profile.cp1258 === page) return 'cp1258';
  return 'ascii';
}

const ALIGNS: Align[] = ['left', 'center', 'right'];

export function decodeEscPos(input: Uint8Array, opts: { profile?: PrinterProfile | string } = {}): DecodedDocument {
  const profile = typeof opts.profile === 'object' ? opts.profile : findProfile(opts.profile ?? 'epson');
  const doc: DecodedDocument = { items: [], lines: [], qr: [], rasters: [], cuts: 0, pages: [], unknown: [] };
  let page = 0;
  let align: Align = 'left';
  let width = 1;
  let height = 1;
  let bold = false;
  let qrData = '';
  let qrModule = 3;
  // The line being built: text so far, bytes of the current code-page run, and the line's largest size.
  let text = '';
  let run: number[] = [];
  let lineW = 1;
  let lineH = 1;
  let lineBold = false;
  let lineAlign: Align = 'left';
  let pendingLine = false;

  const flushRun = () => {
    if (run.length) text += decodeBytes(Uint8Array.from(run), charsetOf(profile, page));
    run = [];
  };
  const endLine = () => {
    flushRun();
    const t = text.normalize('NFC');
    if (pendingLine) {
      const line: DecodedLine = { text: t, width: lineW, height: lineH, bold: lineBold, align: lineAlign, source: 'text' };
      doc.items.push({ kind: 'line', line });
      if (t.trim()) doc.lines.push({ ...line, text: t.trim() });
    } else {
      doc.items.push({ kind: 'feed', dots: 24 * height });
    }
    text = '';
    pendingLine = false;
  };

  let i = 0;
  while (i < input.length) {
    const b = input[i]!;
    if (b >= 0x20 && b !== 0x7f) {
      if (!pendingLine) {
        pendingLine = true;
        lineW = width;
        lineH = height;
        lineBold = bold;
        lineAlign = align;
      }
      lineW = Math.max(lineW, width);
      lineH = Math.max(lineH, height);
      lineBold ||= bold;
      run.push(b);
      i++;
      continue;
    }
    if (b === 0x0a) {
      endLine();
      i++;
      continue;
    }
    if (b === 0x0d || b === 0x09 || b === 0x00) {
      i++;
      continue;
    }
    const len = commandLength(input, i);
    if (len === 0) {
      doc.unknown.push(`truncated ${Buffer.from(input.subarray(i)).toString('hex')}`);
      break;
    }
    const c = input.subarray(i, i + len);
    const hex = Buffer.from(c).toString('hex');
    if (c[0] === 0x1b) {
      switch (c[1]) {
        case 0x40:
          flushRun();
          page = 0;
          align = 'left';
          width = height = 1;
          bold = false;
          break;
        case 0x74:
          flushRun();
          page = c[2]!;
          doc.pages.push(page);
          break;
        case 0x61:
          align = ALIGNS[c[2]! % 48] ?? 'left';
          break;
        case 0x45:
          bold = (c[2]! & 1) === 1;
          break;
        case 0x21:
          // ESC ! n: bit4 double height, bit5 double width, bit3 emphasized.
          width = c[2]! & 0x20 ? 2 : 1;
          height = c[2]! & 0x10 ? 2 : 1;
          bold = (c[2]! & 0x08) !== 0;
          break;
        case 0x64:
          if (pendingLine) endLine();
          doc.items.push({ kind: 'feed', dots: 24 * c[2]! });
          break;
        case 0x4a:
          doc.items.push({ kind: 'feed', dots: c[2]! });
          break;
        case 0x4d:
        case 0x32:
        case 0x33:
        case 0x2d:
        case 0x47:
        case 0x52:
        case 0x20:
          break;
        default:
          doc.unknown.push(hex);
      }
    } else if (c[0] === 0x1d) {
      switch (c[1]) {
        case 0x21:
          width = ((c[2]! >> 4) & 7) + 1;
          height = (c[2]! & 7) + 1;
          break;
        case 0x56:
          if (pendingLine) endLine();
          doc.cuts++;
          doc.items.push({ kind: 'cut' });
          break;
        case 0x28:
          if (c[2] === 0x6b && c[5] === 0x31) {
            const fn = c[6];
            if (fn === 0x43) qrModule = c[7]!;
            else if (fn === 0x50) qrData = Buffer.from(c.subarray(8)).toString('utf8');
            else if (fn === 0x51) {
              if (pendingLine) endLine();
              doc.qr.push(qrData);
              doc.items.push({ kind: 'qr', data: qrData, moduleSize: qrModule, align });
            }
          } else doc.unknown.push(hex);
          break;
        case 0x76: {
          if (pendingLine) endLine();
          const wb = c[4]! + c[5]! * 256;
          const h = c[6]! + c[7]! * 256;
          const image: Bitmap = { width: wb * 8, height: h, data: Uint8Array.from(c.subarray(8)) };
          const read = readTextLine(image);
          const textOf = read && !read.includes('\uFFFD') ? read : null;
          doc.rasters.push(image);
          doc.items.push({ kind: 'raster', image, text: textOf, align });
          if (textOf) {
            const scale = h / 24;
            doc.lines.push({ text: textOf, width: scale, height: scale, bold: false, align, source: 'raster' });
          }
          break;
        }
        case 0x61:
        case 0x42:
        case 0x4c:
        case 0x57:
        case 0x48:
        case 0x68:
        case 0x77:
        case 0x66:
          break;
        default:
          doc.unknown.push(hex);
      }
    } else if (c[0] === 0x1c && (c[1] === 0x2e || c[1] === 0x26)) {
      // Kanji mode on/off: irrelevant to our single-byte pages.
    } else if (c[0] !== 0x10) {
      doc.unknown.push(hex);
    }
    i += len;
  }
  if (pendingLine) endLine();
  return doc;
}
