/** Exponential backoff with a ceiling: quick retries for a glitch, no hammering of a printer that is away. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
