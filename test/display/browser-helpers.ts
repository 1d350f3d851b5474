/** What the display browser tests do to the real server and read from the real pages. */
import type { Page } from 'playwright-core';
import type { SequencerLogEntry } from '../../display/voice/sequencer';

/** A kiosk ticket, over real HTTP. */
export async function issueTicket(baseUrl: string, serviceId: string, priority?: string): Promise<{ id: string; number: string }> {
  const res = await fetch(`${baseUrl}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(priority ? { serviceId, priority } : { serviceId }),
  });
  if (res.status !== 201) throw new Error(`issue ticket: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; number: string };
}

/** A staff command at a counter, over real HTTP with the staff session cookie. */
export async function counterCommand(baseUrl: string, cookie: string, counter: number, action: string, body: object = {}): Promise<{ ticket: { id: string; number: string } | null }> {
  const res = await fetch(`${baseUrl}/api/counters/${counter}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${action} at counter ${counter}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { ticket: { id: string; number: string } | null };
}

export function voiceLog(page: Page): Promise<SequencerLogEntry[]> {
  return page.evaluate(() => (window.__qmVoiceLog ?? []).map((e) => ({ ...e })));
}

/**
 * Checks the announcement log: calls start in the given order, each ends
 * before the next starts. Returns a description of the first problem, or null.
 */
export function orderAndOverlapProblem(log: SequencerLogEntry[], expectedTexts: string[]): string | null {
  const played = log.filter((e) => e.event === 'start' || e.event === 'end');
  const starts = played.filter((e) => e.event === 'start').map((e) => e.text);
  const relevant = starts.filter((text) => expectedTexts.includes(text));
  if (JSON.stringify(relevant) !== JSON.stringify(expectedTexts)) return `order: ${JSON.stringify(relevant)}`;
  let open: SequencerLogEntry | null = null;
  for (const e of played) {
    if (e.event === 'start') {
      if (open) return `"${e.text}" started while "${open.text}" was playing`;
      open = e;
    } else {
      if (!open || open.key !== e.key) return `end of "${e.text}" without its start`;
      if (e.at < open.at) return `"${e.text}" ended before it started`;
      open = null;
    }
  }
  return null;
}
