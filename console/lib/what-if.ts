/**
 * The staffing what-if screen's plan: the counters as the director edits them, and the request they make.
 * Pure, so the rules (hours text, next counter number, service order) are tested without a browser.
 */
import type { WhatIfBasis, WhatIfCounter, WhatIfRequest, WorkWindow } from '../../protocol/what-if';

/** How a counter works in the plan: as it did each logged day, by the hours typed, or not at all. */
export type OpenMode = 'as-logged' | 'hours' | 'closed';

export interface PlannedCounter {
  number: number;
  /** The center's name for it; a counter added in the plan has none. */
  name: string | null;
  serviceIds: string[];
  mode: OpenMode;
  /** 'HH:mm-HH:mm' windows, comma separated, used when `mode` is 'hours'. */
  hoursText: string;
}

/** The demo center's day: what a counter switched to "by hours" starts from. */
export const DEFAULT_HOURS = '07:30-11:30, 13:30-17:00';

export function planFrom(counters: { number: number; name: string; serviceIds: string[]; active: boolean }[]): PlannedCounter[] {
  return counters
    .filter((c) => c.active)
    .sort((a, b) => a.number - b.number)
    .map((c) => ({ number: c.number, name: c.name, serviceIds: [...c.serviceIds], mode: 'as-logged', hoursText: DEFAULT_HOURS }));
}

/** A new counter after the highest number, serving nothing yet. */
export function addCounter(plan: PlannedCounter[]): PlannedCounter[] {
  const number = Math.max(0, ...plan.map((c) => c.number)) + 1;
  return [...plan, { number, name: null, serviceIds: [], mode: 'as-logged', hoursText: DEFAULT_HOURS }];
}

/** Ticking a service adds it last (the counter's order is kept), unticking removes it. */
export function toggleService(counter: PlannedCounter, serviceId: string, on: boolean): PlannedCounter {
  const rest = counter.serviceIds.filter((id) => id !== serviceId);
  return { ...counter, serviceIds: on ? [...rest, serviceId] : rest };
}

const TIME = '([01]?\\d|2[0-3]):[0-5]\\d|24:00';
const WINDOW = new RegExp(`^(${TIME})\\s*[-–]\\s*(${TIME})$`);

const pad = (t: string) => (t.length === 4 ? `0${t}` : t);

/** '7:30-11:30, 13:30–17:00' → windows; null when any part is not a window or a window does not end after it starts. */
export function parseHours(text: string): WorkWindow[] | null {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const windows: WorkWindow[] = [];
  for (const part of parts) {
    const m = WINDOW.exec(part);
    if (!m) return null;
    const w = { from: pad(m[1]), to: pad(m[3]) };
    if (w.to <= w.from) return null;
    windows.push(w);
  }
  return windows;
}

/** The request, or the number of the first counter whose hours cannot be read. */
export function requestOf(from: string, to: string, plan: PlannedCounter[], basis: WhatIfBasis = 'logged'): WhatIfRequest | { badHours: number } {
  const counters: WhatIfCounter[] = [];
  for (const c of plan) {
    if (c.mode === 'hours') {
      const open = parseHours(c.hoursText);
      if (!open) return { badHours: c.number };
      counters.push({ number: c.number, serviceIds: c.serviceIds, open });
    } else counters.push({ number: c.number, serviceIds: c.serviceIds, open: c.mode !== 'closed' });
  }
  return { from, to, counters, basis };
}
