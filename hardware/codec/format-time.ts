/** dd/MM/yyyy HH:mm in the center's zone: a ticket printed near midnight must show the local day, not UTC's. */
export function formatDateTime(epochMs: number, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dateFormat(timeZone).formatToParts(new Date(epochMs));
  } catch {
    parts = dateFormat('Asia/Ho_Chi_Minh').formatToParts(new Date(epochMs));
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    cache.set(timeZone, f);
  }
  return f;
}
