/**
 * Counter keyboard shortcuts: single letters, no modifiers, so staff keep one
 * hand on the keyboard while talking to the citizen. Ignored while typing in a field.
 */
import type { MessageKey } from './i18n.vi';

export type CounterAction = 'callNext' | 'recall' | 'start' | 'complete' | 'noShow' | 'skip' | 'transfer' | 'pause' | 'callSpecific' | 'reprint';

export const SHORTCUTS: { key: string; action: CounterAction; label: MessageKey }[] = [
  { key: 'N', action: 'callNext', label: 'key.callNext' },
  { key: 'R', action: 'recall', label: 'key.recall' },
  { key: 'S', action: 'start', label: 'key.start' },
  { key: 'C', action: 'complete', label: 'key.complete' },
  { key: 'V', action: 'noShow', label: 'key.noShow' },
  { key: 'B', action: 'skip', label: 'key.skip' },
  { key: 'T', action: 'transfer', label: 'key.transfer' },
  { key: 'P', action: 'pause', label: 'key.pause' },
  { key: 'G', action: 'callSpecific', label: 'key.callSpecific' },
  // I for "In lại": R (recall) and P (pause) are taken.
  { key: 'I', action: 'reprint', label: 'key.reprint' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  /** Tag name of the focused element (upper case), '' when none. */
  targetTag: string;
}

/** The action a key press asks for, or null. A held-down key (repeat) never acts twice. */
export function actionForKey(e: KeyLike): CounterAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return null;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(e.targetTag)) return null;
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  return SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}
