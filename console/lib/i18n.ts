/**
 * Console language: Vietnamese by default, English on request (kept per browser).
 * `t('key', params)` is typed from the Vietnamese catalog.
 */
import { vi, type MessageKey } from './i18n.vi';
import { en } from './i18n.en';
import { format, type Lang } from '../../protocol/i18n';

export type { Lang };
const STORAGE_KEY = 'qm.console.lang';

let lang: Lang = readLang();
const listeners = new Set<() => void>();

function readLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = next;
  for (const l of listeners) l();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return format((lang === 'en' ? en : vi)[key], params);
}

/** Name of a service/priority in the current language (English falls back to Vietnamese). */
export function nameOf(item: { name: string; nameEn?: string }): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}
