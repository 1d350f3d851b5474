/** PRINTER_URL → a transport description. Pure, so a bad URL is reported at start, not at the first ticket. */
export type PrinterTarget =
  | { kind: 'serial'; path: string; baudRate: number; rtscts: boolean; xon: boolean }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string }
  | { kind: 'sim' };

const truthy = (v: string | null) => v !== null && ['1', 'true', 'yes', 'on', ''].includes(v.toLowerCase());

export function parsePrinterUrl(url: string | undefined): PrinterTarget {
  const raw = (url ?? '').trim();
  if (raw === '' || raw === 'sim' || raw.startsWith('sim:')) return { kind: 'sim' };

  if (raw.startsWith('serial:')) {
    const [pathPart = '', query = ''] = raw.slice('serial:'.length).split('?', 2);
    const path = pathPart.replace(/^\/\/(?=\/)/, '');
    if (!path) throw new Error(`PRINTER_URL ${raw}: missing device path`);
    const params = new URLSearchParams(query);
    const baudRate = Number(params.get('baud') ?? params.get('baudRate') ?? 19200);
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(`PRINTER_URL ${raw}: bad baud rate`);
    const flow = params.get('flow')?.toLowerCase();
    return {
      kind: 'serial',
      path,
      baudRate,
      rtscts: truthy(params.get('rtscts')) || flow === 'rtscts' || flow === 'hardware',
      xon: truthy(params.get('xon')) || flow === 'xon' || flow === 'software',
    };
  }

  if (raw.startsWith('tcp:')) {
    const u = new URL(raw);
    if (!u.hostname) throw new Error(`PRINTER_URL ${raw}: missing host`);
    return { kind: 'tcp', host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : 9100 };
  }

  if (raw.startsWith('file:')) {
    const path = decodeURIComponent(raw.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));
    if (!path) throw new Error(`PRINTER_URL ${raw}: missing file path`);
    return { kind: 'file', path };
  }

  throw new Error(`PRINTER_URL ${raw}: expected sim, serial:/dev/…, tcp://host:9100 or file:/path`);
}
