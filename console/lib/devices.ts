/**
 * The devices screen's pure parts: how long ago a device was last heard from (by the server's
 * clock, which the console already follows: a PC with a wrong clock must not call a live kiosk
 * silent), the three lists the screen shows, and the body an admin's form sends.
 */
import { COUNTER_DEVICE_KINDS, type DeviceAdminView, type DeviceKind, type DeviceSettingsBody } from '../../protocol/devices';
import type { Lang } from '../../protocol/i18n';

/** "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước" (and the English), or null when never seen. */
export function sinceText(then: number | null, now: number, lang: Lang): string | null {
  if (then === null) return null;
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  const vi = lang === 'vi';
  if (minutes < 1) return vi ? 'vừa xong' : 'just now';
  if (minutes < 60) return vi ? `${minutes} phút trước` : `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return vi ? `${hours} giờ trước` : `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return vi ? `${days} ngày trước` : `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

export interface DeviceLists {
  pending: DeviceAdminView[];
  active: DeviceAdminView[];
  revoked: DeviceAdminView[];
}

/** Pending oldest first (the one waiting longest is the one in front of the admin); active by name; revoked newest first. */
export function splitDevices(devices: DeviceAdminView[]): DeviceLists {
  return {
    pending: devices.filter((d) => d.status === 'pending').sort((a, b) => a.createdAt - b.createdAt),
    active: devices.filter((d) => d.status === 'active').sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    revoked: devices.filter((d) => d.status === 'revoked').sort((a, b) => (b.revokedAt ?? 0) - (a.revokedAt ?? 0)),
  };
}

/** What the admin typed as a code: "123 456", "123-456" → "123456"; null when it is not six digits. */
export function normalizeCode(text: string): string | null {
  const digits = text.replace(/[\s.-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The printer choice of the form: none, one of the known printers, or a new printer by its URL. */
export type PrinterChoice = { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'new'; url: string };

/**
 * The settings body: a counter only for counter kinds, a printer only for kiosks (other kinds
 * never print, so a stale choice is cleared rather than kept out of sight).
 */
export function settingsBody(fields: { name: string; kind: DeviceKind; counterId: string | null; printer: PrinterChoice }): DeviceSettingsBody {
  const body: DeviceSettingsBody = { name: fields.name.trim(), kind: fields.kind, counterId: COUNTER_DEVICE_KINDS.includes(fields.kind) ? fields.counterId : null };
  const p = fields.kind === 'kiosk' ? fields.printer : ({ kind: 'none' } as const);
  if (p.kind === 'existing') body.printerId = p.id;
  else if (p.kind === 'new') body.printerUrl = p.url.trim();
  else body.printerId = null;
  return body;
}

/** "Chrome 131 · Android" from a user agent: the browser and system, which is what tells two devices apart at a glance. */
export function browserSummary(userAgent: string): string {
  const version = (name: string) => new RegExp(`${name}/(\\d+)`).exec(userAgent)?.[1];
  const browser = version('Edg')
    ? `Edge ${version('Edg')}`
    : version('Firefox')
      ? `Firefox ${version('Firefox')}`
      : version('Chrome') || version('Chromium')
        ? `Chrome ${version('Chrome') ?? version('Chromium')}`
        : version('Version') && /Safari\//.test(userAgent)
          ? `Safari ${version('Version')}`
          : '';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /CrOS/.test(userAgent)
          ? 'ChromeOS'
          : /Mac OS X/.test(userAgent)
            ? 'macOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : '';
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 40);
}
