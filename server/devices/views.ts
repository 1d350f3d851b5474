/** What a device learns of itself and what the admin sees of it (protocol/devices.ts). */
import type { DeviceAdminView, DeviceSelf } from '../../protocol/devices';
import type { QueueState } from '../queue/state';
import type { DeviceRecord } from './device-store';

export function deviceSelf(d: DeviceRecord, state: QueueState): DeviceSelf {
  return {
    id: d.id,
    status: d.status,
    kind: d.kind,
    name: d.name,
    code: d.status === 'pending' ? d.code : null,
    counterId: d.counterId,
    counterNumber: d.counterId ? (state.counters.get(d.counterId)?.number ?? null) : null,
    printerId: d.printerId,
  };
}

export interface DeviceAdminViewOut extends DeviceAdminView {
  approvedBy: string | null;
  printerUrl: string | null;
}

export function deviceAdminView(d: DeviceRecord, state: QueueState): DeviceAdminViewOut {
  return {
    ...deviceSelf(d, state),
    createdAt: d.createdAt,
    approvedAt: d.approvedAt,
    approvedBy: d.approvedBy,
    revokedAt: d.revokedAt,
    lastSeenAt: d.lastSeenAt,
    lastAddress: d.lastAddress,
    userAgent: d.userAgent,
    printerUrl: d.printerUrl,
  };
}
