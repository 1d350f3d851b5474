import { errorsVi } from './errors.vi';
import { errorsEn } from './errors.en';
import type { ErrorCode } from '../errors';

export type Lang = 'vi' | 'en';

/** Fill `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function errorMessage(code: ErrorCode, lang: Lang, params: Record<string, string | number> = {}): string {
  const catalog = lang === 'en' ? errorsEn : errorsVi;
  return format(catalog[code], params);
}

/** Vietnamese unless the client prefers English over Vietnamese. */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'vi';
  let best: { lang: Lang; q: number } = { lang: 'vi', q: -1 };
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...rest] = part.trim().toLowerCase().split(';');
    const qParam = rest.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const lang: Lang | null = tag.startsWith('vi') ? 'vi' : tag.startsWith('en') ? 'en' : null;
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}
