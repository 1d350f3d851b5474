/**
 * Printer models and their Vietnamese code pages. The numbers differ by vendor and even by firmware,
 * so every entry should be checked against the printer's self-test page; `PRINTER_ENCODING` overrides.
 */
export type TextEncoding = 'tcvn3' | 'cp1258' | 'raster';

export interface PrinterProfile {
  id: string;
  name: string;
  /** ESC t numbers of the TCVN-3 pages (small letters, capitals), when the printer has them. */
  tcvn3?: { lower: number; upper: number };
  /** ESC t number of CP1258 (WPC1258), when the printer has it. */
  cp1258?: number;
  defaultEncoding: TextEncoding;
}

const PROFILES: PrinterProfile[] = [
  { id: 'epson', name: 'Epson TM series', tcvn3: { lower: 30, upper: 31 }, cp1258: 52, defaultEncoding: 'tcvn3' },
  { id: 'bixolon', name: 'Bixolon SRP series', tcvn3: { lower: 47, upper: 48 }, cp1258: 41, defaultEncoding: 'tcvn3' },
  { id: 'pos-5890', name: 'POS-5890 / Zjiang clones', cp1258: 27, defaultEncoding: 'cp1258' },
  { id: 'netum', name: 'Netum 80 mm', cp1258: 94, defaultEncoding: 'cp1258' },
  { id: 'rongta', name: 'Rongta', cp1258: 35, defaultEncoding: 'cp1258' },
  // Xprinter firmwares disagree on their Vietnamese page; raster is the safe default until a self-test says otherwise.
  { id: 'xprinter', name: 'Xprinter', cp1258: 27, defaultEncoding: 'raster' },
  { id: 'generic', name: 'Unknown ESC/POS printer', defaultEncoding: 'raster' },
];

const ALIASES: Record<string, string> = { zjiang: 'pos-5890', 'pos-58': 'pos-5890', 'pos-80': 'pos-5890', tm: 'epson' };

export function listProfiles(): readonly PrinterProfile[] {
  return PROFILES;
}

/** Unknown or missing model → the generic profile, which prints Vietnamese as raster (always legible). */
export function findProfile(model: string | undefined): PrinterProfile {
  const key = (model ?? '').trim().toLowerCase();
  const id = ALIASES[key] ?? key;
  return PROFILES.find((p) => p.id === id || (id.startsWith(p.id) && p.id !== 'generic')) ?? PROFILES.at(-1)!;
}

/** The encoding actually used: the forced one if this printer can do it, else the profile's default. */
export function resolveEncoding(profile: PrinterProfile, forced?: TextEncoding): { encoding: TextEncoding; downgraded: boolean } {
  const wanted = forced ?? profile.defaultEncoding;
  const possible = wanted === 'raster' || (wanted === 'tcvn3' && !!profile.tcvn3) || (wanted === 'cp1258' && profile.cp1258 !== undefined);
  return possible ? { encoding: wanted, downgraded: false } : { encoding: 'raster', downgraded: true };
}

export interface PaperGeometry {
  dots: number;
  columns: number;
}

/** Font A is 12 dots wide on 203 dpi heads: 48 columns on 80 mm, 32 on 58 mm. */
export function paperGeometry(width: 58 | 80): PaperGeometry {
  return width === 58 ? { dots: 384, columns: 32 } : { dots: 576, columns: 48 };
}
