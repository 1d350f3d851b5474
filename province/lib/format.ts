/** How the province dashboard writes times and durations: always in the center's zone (Asia/Ho_Chi_Minh). */
import { DEFAULT_TIME_ZONE, formatLocalTime, localDay, localParts } from '../../protocol/local-time';
import { currentLang, t } from './i18n';

const locale = () => (currentLang() === 'en' ? 'en-US' : 'vi-VN');

/** 'HH:mm' when `at` is on the same local day as `now`, else 'HH:mm dd/MM' (the day matters then). */
export function sinceText(at: number, now: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (localDay(at, timeZone) === localDay(now, timeZone)) return formatLocalTime(at, timeZone);
  const p = localParts(at, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}`;
}

/** A wait said as people say it: "45 giây", "12 phút", "1 giờ 05 phút". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('dur.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('dur.m', { m });
  return t('dur.hm', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') });
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${(Math.round(share * 1000) / 10).toLocaleString(locale(), { maximumFractionDigits: 1 })}%`;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'. */
export function dmy(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export const number = (n: number) => n.toLocaleString(locale());
