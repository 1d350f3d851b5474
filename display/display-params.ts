/**
 * URL parameters of the display pages (documented in display/README.md).
 * A center configures each wall screen by its URL alone: no login, nothing
 * stored in the browser that a power cut could lose.
 */

export type DisplayLang = 'vi' | 'both';

export interface DisplayParams {
  /** Service ids or codes to show; empty = all. */
  services: string[];
  /** Counter area (e.g. "Tầng 1"); empty = all. */
  area: string;
  /** Counter numbers to show; empty = all. */
  counters: number[];
  /** 'both' adds English subtitle lines under the Vietnamese. */
  lang: DisplayLang;
  /** Calls listed in the history column. */
  history: number;
  /** Whether this screen speaks. */
  voice: boolean;
  /** Voice pack folder under /voice/. */
  pack: string;
  /** Use the browser's speech synthesis when it has a voice for the language. */
  speech: boolean;
}

const splitList = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.normalize('NFC').trim())
    .filter((s) => s !== '');

function flag(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  return !['0', 'off', 'false', 'no', 'tat', 'tắt'].includes(value.trim().toLowerCase());
}

const PACK_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function parseDisplayParams(search: string, defaults: { voice: boolean; history: number }): DisplayParams {
  const q = new URLSearchParams(search);
  const lang = (q.get('lang') ?? '').trim().toLowerCase();
  const history = Number.parseInt(q.get('history') ?? '', 10);
  const pack = (q.get('pack') ?? '').trim();
  return {
    services: splitList(q.get('services') ?? q.get('service')),
    area: (q.get('area') ?? '').normalize('NFC').trim(),
    counters: splitList(q.get('counters'))
      .map((s) => Number.parseInt(s, 10))
      .filter((n) => Number.isInteger(n) && n > 0),
    // 'en' keeps Vietnamese first too: the hall's citizens read Vietnamese, visitors get the subtitle.
    lang: lang === 'en' || lang === 'both' || lang === 'vi,en' ? 'both' : 'vi',
    history: Number.isInteger(history) ? Math.min(20, Math.max(1, history)) : defaults.history,
    voice: flag(q.get('voice'), defaults.voice),
    pack: PACK_NAME.test(pack) ? pack : 'default',
    speech: flag(q.get('speech'), false),
  };
}

/** Counter number of the counter page: /display/counter/3, or ?counter=3 (dev server). */
export function counterNumberFromLocation(pathname: string, search: string): number | null {
  const fromPath = /\/counter\/(\d+)\/?$/.exec(pathname)?.[1];
  const raw = fromPath ?? new URLSearchParams(search).get('counter');
  const n = raw === null || raw === undefined ? NaN : Number.parseInt(raw, 10);
  return Number.isInteger(n) && n > 0 ? n : null;
}
