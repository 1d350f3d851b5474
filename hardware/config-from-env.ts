/** PRINTER_* environment variables → PrinterConfig, validated so a typo fails at start, not at the first ticket. */
import type { TextEncoding } from './codec/profiles';
import type { PrinterConfig } from './types';

const ENCODINGS: TextEncoding[] = ['tcvn3', 'cp1258', 'raster'];

export function printerConfigFromEnv(env: Record<string, string | undefined> = process.env, id = 'main'): PrinterConfig {
  const config: PrinterConfig = { id, url: env.PRINTER_URL?.trim() || 'sim' };
  if (env.PRINTER_MODEL?.trim()) config.model = env.PRINTER_MODEL.trim().toLowerCase();
  const encoding = env.PRINTER_ENCODING?.trim().toLowerCase();
  if (encoding) {
    if (!ENCODINGS.includes(encoding as TextEncoding)) throw new Error(`PRINTER_ENCODING must be one of ${ENCODINGS.join(', ')}`);
    config.encoding = encoding as TextEncoding;
  }
  const width = env.PRINTER_PAPER_WIDTH?.trim();
  if (width) {
    if (width !== '58' && width !== '80') throw new Error('PRINTER_PAPER_WIDTH must be 58 or 80');
    config.paperWidth = Number(width) as 58 | 80;
  }
  const poll = env.PRINTER_STATUS_POLL_MS?.trim();
  if (poll) {
    const ms = Number(poll);
    if (!Number.isInteger(ms) || ms < 100) throw new Error('PRINTER_STATUS_POLL_MS must be an integer ≥ 100');
    config.statusPollMs = ms;
  }
  return config;
}
