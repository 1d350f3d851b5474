import { displayEn } from './display.en';
import { displayVi, type DisplayMessages } from './display.vi';

export type { DisplayMessages };
export type MessageKey = keyof DisplayMessages;

export const vi: DisplayMessages = displayVi;
export const en: DisplayMessages = displayEn;

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
