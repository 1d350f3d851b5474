/**
 * Blocks → ESC/POS bytes for one printer. Text modes send code-page bytes; raster mode draws each
 * non-ASCII line with the embedded font (GS v 0) and leaves the big number and the QR native, because
 * those are ASCII and a native QR is a few dozen bytes instead of kilobytes.
 */
import type { Block } from './blocks';
import * as cmd from './commands';
import type { Charset } from './code-pages';
import { paperGeometry, type PrinterProfile, type TextEncoding } from './profiles';
import { renderTextLine } from './raster/font';
import { rowBytes } from './raster/bitmap';
import { encodeVietnamese } from './vietnamese';

export interface RenderOptions {
  profile: PrinterProfile;
  encoding: TextEncoding;
  paperWidth: 58 | 80;
}

const isPlainAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

export function pageNumber(profile: PrinterProfile, charset: Charset): number {
  if (charset === 'tcvn3' && profile.tcvn3) return profile.tcvn3.lower;
  if (charset === 'tcvn3-capitals' && profile.tcvn3) return profile.tcvn3.upper;
  if (charset === 'cp1258' && profile.cp1258 !== undefined) return profile.cp1258;
  return 0;
}

export function renderBlocks(blocks: Block[], opts: RenderOptions): Uint8Array {
  const { dots, columns } = paperGeometry(opts.paperWidth);
  const out: number[] = [...cmd.init(), ...cmd.cancelKanji()];
  // Mirrors the printer's modes so that a command is only sent when it changes something.
  let page = -1;
  let align = '';
  let sizeKey = '';
  let boldOn: boolean | null = null;
  const setAlign = (a: 'left' | 'center' | 'right') => {
    if (a !== align) out.push(...cmd.align(a));
    align = a;
  };
  const setSize = (w: number, h: number) => {
    if (`${w}x${h}` !== sizeKey) out.push(...cmd.size(w, h));
    sizeKey = `${w}x${h}`;
  };
  const setBold = (on: boolean) => {
    if (on !== boldOn) out.push(...cmd.bold(on));
    boldOn = on;
  };
  const setPage = (n: number) => {
    if (n !== page) out.push(...cmd.codePage(n));
    page = n;
  };
  const text = (s: string) => {
    if (opts.encoding === 'raster' || isPlainAscii(s)) {
      if (page === -1) setPage(0);
      out.push(...[...s].map((c) => (c.charCodeAt(0) < 0x7f ? c.charCodeAt(0) : 0x3f)));
      return;
    }
    const start: Charset = page === pageNumber(opts.profile, 'tcvn3-capitals') ? 'tcvn3-capitals' : 'tcvn3';
    for (const run of encodeVietnamese(s, opts.encoding, start)) {
      setPage(pageNumber(opts.profile, run.charset));
      out.push(...run.bytes);
    }
  };

  if (opts.encoding !== 'raster') setPage(pageNumber(opts.profile, opts.encoding === 'tcvn3' ? 'tcvn3' : 'cp1258'));

  for (const block of blocks) {
    switch (block.kind) {
      case 'text': {
        const scale = block.scale ?? 1;
        if (opts.encoding === 'raster' && !isPlainAscii(block.text)) {
          const bmp = renderTextLine(block.text, { width: dots, scale, bold: block.bold, align: block.align, crop: true });
          setAlign(block.align);
          out.push(...cmd.rasterImage(rowBytes(bmp), bmp.height, bmp.data));
          break;
        }
        setAlign(block.align);
        setSize(scale, scale);
        setBold(block.bold ?? false);
        text(block.text);
        out.push(cmd.LF);
        break;
      }
      case 'big': {
        const len = Math.max(1, [...block.text].length);
        const n = Math.max(1, Math.min(opts.paperWidth === 80 ? 6 : 4, Math.floor(columns / len)));
        setAlign(block.align);
        setSize(n, n);
        setBold(true);
        text(block.text);
        out.push(cmd.LF);
        setSize(1, 1);
        break;
      }
      case 'qr':
        setAlign('center');
        out.push(...cmd.qrCode(block.data, opts.paperWidth === 80 ? 6 : 5, 'M'));
        out.push(cmd.LF);
        break;
      case 'rule':
        setAlign('left');
        setSize(1, 1);
        setBold(false);
        text('-'.repeat(columns));
        out.push(cmd.LF);
        break;
      case 'feed':
        out.push(...cmd.feedLines(block.lines));
        break;
      case 'cut':
        out.push(...cmd.cut(0));
        break;
    }
  }
  return Uint8Array.from(out);
}
