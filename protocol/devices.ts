/**
 * Known devices: the kiosks, displays, rating tablets and counter PCs a center has approved.
 * A device holds a long-lived random token in the httpOnly cookie `qm_device` (the server keeps
 * only its SHA-256). Pairing: the device asks (`POST /api/devices/pair`), shows its code, and an
 * admin approves that code in the console, giving it a name, a kind, a counter and a printer.
 */

export const DEVICE_COOKIE = 'qm_device';

export const DEVICE_KINDS = ['kiosk', 'hall-display', 'counter-display', 'rating', 'counter-pc'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Kinds that belong to one counter (their page is that counter's). */
export const COUNTER_DEVICE_KINDS: readonly DeviceKind[] = ['counter-display', 'rating', 'counter-pc'];

export const DEVICE_KIND_LABELS: Record<DeviceKind, { vi: string; en: string }> = {
  kiosk: { vi: 'Ki-ốt lấy số', en: 'Ticket kiosk' },
  'hall-display': { vi: 'Màn hình sảnh', en: 'Hall display' },
  'counter-display': { vi: 'Màn hình quầy', en: 'Counter display' },
  rating: { vi: 'Máy đánh giá', en: 'Rating tablet' },
  'counter-pc': { vi: 'Máy tính quầy', en: 'Counter PC' },
};

export type DeviceStatus = 'pending' | 'active' | 'revoked';

/** What a device learns about itself (`GET /api/devices/me`, `POST /api/devices/pair`). */
export interface DeviceSelf {
  id: string;
  status: DeviceStatus;
  kind: DeviceKind;
  name: string;
  /** Six digits while pending, shown on the device as "123 456"; null once decided. */
  code: string | null;
  counterId: string | null;
  counterNumber: number | null;
  printerId: string | null;
}

export interface DeviceMeReply {
  device: DeviceSelf | null;
  /** The center approves new devices by itself (the demo center does; a production center does not). */
  autoApprove: boolean;
}

/** What the admin sees (`GET /api/devices`). */
export interface DeviceAdminView extends DeviceSelf {
  createdAt: number;
  approvedAt: number | null;
  revokedAt: number | null;
  lastSeenAt: number | null;
  /** The network address it last came from, and its browser, to tell devices apart. */
  lastAddress: string | null;
  userAgent: string | null;
}

export interface DeviceListReply {
  devices: DeviceAdminView[];
  autoApprove: boolean;
  /** Printers a kiosk can be given (`main`, legacy `kiosk-<id>` from KIOSK_PRINTERS, device printers). */
  printers: { id: string; url: string }[];
}

/** Body of `POST /api/devices/pair`. */
export interface PairRequest {
  kind: DeviceKind;
  counterNumber?: number;
  /**
   * A kiosk page's old `kiosk-id` (`?kiosk=K1`), if it has one: when KIOSK_PRINTERS names a printer for it
   * (`kiosk-K1`), that printer is the one suggested for approval (and given at once under auto-approval).
   */
  kioskId?: string;
}

/** Body of `POST /api/devices/approve` (by the code the device shows) and of `PATCH /api/devices/:id`. */
export interface DeviceSettingsBody {
  name: string;
  kind: DeviceKind;
  counterId?: string | null;
  /** An existing printer id, or `printerUrl` for a new printer of this kiosk. */
  printerId?: string | null;
  printerUrl?: string | null;
}
