/** Times in the center's zone, 24-hour, dates dd/MM/yyyy (Vietnamese convention, also used in English). */
function parts(ms: number, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(fmt.formatToParts(ms).map((p) => [p.type, p.value]));
}

export function formatTime(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${p.hour}:${p.minute}`;
}

export function formatDateTime(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
