/**
 * The kiosk's channel on the live core (/public): what the home screen needs —
 * the center, the services with their waiting counts and ETAs, the priority
 * groups and the printers. Updates only refresh the figures.
 */
import type { PriorityCategory } from '../../protocol/domain';
import type { PrinterStatusView, PublicServerToClient, PublicSnapshot, QueueUpdate } from '../../protocol/realtime';
import type { LiveChannel } from '../../live/live-channel';
import type { KioskService } from '../components/qm-service-grid';

export interface KioskLiveView {
  center: PublicSnapshot['center'] | null;
  services: KioskService[];
  priorities: PriorityCategory[];
  printers: PrinterStatusView[];
}

export function withStats(services: KioskService[], stats: QueueUpdate['stats']): KioskService[] {
  const byId = new Map(stats.map((s) => [s.serviceId, s]));
  return services.map((s) => {
    const st = byId.get(s.id);
    return st ? { ...s, waiting: st.waiting, etaMinutes: st.etaMinutes, etaRange: st.etaRange } : s;
  });
}

export const kioskChannel: LiveChannel<KioskLiveView, PublicSnapshot, PublicServerToClient> = {
  namespace: '/public',
  empty: () => ({ center: null, services: [], priorities: [], printers: [] }),
  snapshot: (_view, s) => {
    const services = s.services.filter((x) => x.active).map((x) => ({ ...x, waiting: 0, etaMinutes: 0 }));
    return { view: { center: s.center, services: withStats(services, s.stats), priorities: s.priorities, printers: s.printers } };
  },
  update: (view, update) => ({ view: { ...view, services: withStats(view.services, update.stats) } }),
  events: {
    'printer:status': (view, printers) => ({ view: { ...view, printers } }),
  },
};
