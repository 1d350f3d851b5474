/**
 * What an admin may give a device, checked in one place for approval and editing: counter kinds need a counter
 * that exists, only a kiosk has a printer, and a printer is either an existing one or the kiosk's own address.
 * Pure: the caller passes the counters and printers it knows.
 */
import { COUNTER_DEVICE_KINDS, type DeviceSettingsBody } from '../../protocol/devices';
import { DomainError } from '../../protocol/errors';
import { parsePrinterUrl } from '../../hardware';
import type { DeviceRecord, DeviceSettings } from './device-store';

/** The printer service of a kiosk that has a printer of its own. */
export const devicePrinterId = (deviceId: string) => `device-${deviceId}`;

export interface SettingsContext {
  /** A counter's id from its id or number, or COUNTER_NOT_FOUND. */
  resolveCounter: (idOrNumber: string) => string;
  /** Printers running now (`main`, legacy `kiosk-<id>`, device printers). */
  printerIds: ReadonlySet<string>;
}

export function resolveSettings(body: DeviceSettingsBody, current: DeviceRecord, ctx: SettingsContext): DeviceSettings {
  const kind = body.kind;
  const name = body.name.normalize('NFC').trim();
  let counterId: string | null = null;
  if (COUNTER_DEVICE_KINDS.includes(kind)) {
    const wanted = body.counterId !== undefined ? body.counterId : current.counterId;
    if (!wanted) throw new DomainError('COUNTER_NOT_FOUND');
    counterId = ctx.resolveCounter(wanted);
  }
  return { kind, name, counterId, ...resolvePrinter(body, current, ctx) };
}

function resolvePrinter(body: DeviceSettingsBody, current: DeviceRecord, ctx: SettingsContext): Pick<DeviceSettings, 'printerId' | 'printerUrl'> {
  const url = body.printerUrl?.trim() || null;
  if (body.kind !== 'kiosk') {
    if (url || body.printerId) throw new DomainError('DEVICE_PRINTER_KIOSK_ONLY');
    return { printerId: null, printerUrl: null };
  }
  const own = devicePrinterId(current.id);
  if (url) return { printerId: own, printerUrl: checkedPrinterUrl(url) };
  if (body.printerId === null) return { printerId: null, printerUrl: null };
  if (body.printerId === undefined) {
    // Unsaid: an approved kiosk keeps its printer; a new kiosk takes the one suggested at pairing (its legacy
    // KIOSK_PRINTERS printer) or the main one, and so does a device becoming a kiosk.
    if (current.status === 'active' && current.kind === 'kiosk') return { printerId: current.printerId, printerUrl: current.printerUrl };
    const suggested = current.status === 'pending' && current.printerId && ctx.printerIds.has(current.printerId) ? current.printerId : null;
    return { printerId: suggested ?? 'main', printerUrl: null };
  }
  if (body.printerId === own && current.printerUrl) return { printerId: own, printerUrl: current.printerUrl };
  // Another kiosk's own printer may be shared; if that kiosk goes, this one prints on the main printer.
  if (!ctx.printerIds.has(body.printerId)) throw new DomainError('PRINTER_NOT_FOUND');
  return { printerId: body.printerId, printerUrl: null };
}

/**
 * A printer address from the console: a network or serial printer, or the simulator. Not `file:`, which the
 * PRINTER_URL variable still accepts: from a web form it would let the server write any file it can.
 */
function checkedPrinterUrl(url: string): string {
  let target;
  try {
    target = parsePrinterUrl(url);
  } catch {
    throw new DomainError('PRINTER_URL_INVALID');
  }
  if (target.kind === 'file') throw new DomainError('PRINTER_URL_INVALID');
  if (target.kind === 'serial' && !/^(\/dev\/|COM\d+$)/i.test(target.path)) throw new DomainError('PRINTER_URL_INVALID');
  return url;
}
