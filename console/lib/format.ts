/**
 * Console figures as Vietnamese offices write them: dd/MM/yyyy dates typed and shown, elapsed times,
 * report minutes and shares. Moments in the center's zone are formatted by protocol/local-time.ts.
 */
import type { Lang } from '../../protocol/i18n';

/** 'YYYY-MM-DD' → 'dd/MM/yyyy' */
export function dmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** 'd/M/yyyy' or 'dd/MM/yyyy' → 'YYYY-MM-DD', or null when not a real date. */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Elapsed time as m:ss, or h:mm:ss past an hour. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Seconds (report durations) → '12,5 phút' / '12.5 min'. */
export function minutes(seconds: number | null, lang: Lang): string {
  if (seconds === null) return '–';
  const value = (seconds / 60).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return lang === 'vi' ? `${value} phút` : `${value} min`;
}

export function percent(share: number | null, lang: Lang): string {
  if (share === null) return '–';
  return `${(share * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`;
}
