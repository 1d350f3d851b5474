/**
 * Opening hours as an admin types them, one window per line: "1-5 07:30-11:30",
 * "6 07:30-11:30", "1,3,5 13:30-17:00" (1 = Monday … 7 = Sunday).
 */
import type { OpeningWindow } from '../../protocol/domain';

export function formatHours(windows: OpeningWindow[] | null): string {
  return (windows ?? []).map((w) => `${formatDays(w.days)} ${w.from}-${w.to}`).join('\n');
}

function formatDays(days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  return contiguous && sorted.length > 2 ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted.join(',');
}

/** Windows, null for an empty text (open whenever the center is), or the first bad line. */
export function parseHours(text: string): { ok: OpeningWindow[] | null } | { badLine: string } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: null };
  const out: OpeningWindow[] = [];
  for (const line of lines) {
    const m = /^([1-7](?:\s*-\s*[1-7])?(?:\s*,\s*[1-7](?:\s*-\s*[1-7])?)*)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(line);
    if (!m) return { badLine: line };
    const days = new Set<number>();
    for (const part of m[1].split(',')) {
      const [a, b] = part.split('-').map((x) => Number(x.trim()));
      if (b !== undefined && b < a) return { badLine: line };
      for (let d = a; d <= (b ?? a); d++) days.add(d);
    }
    const pad = (hm: string) => hm.padStart(5, '0');
    out.push({ days: [...days].sort((x, y) => x - y), from: pad(m[2]), to: pad(m[3]) });
  }
  return { ok: out };
}
