import { describe, expect, it } from 'vitest';
import { applyUpdate, mergeView } from '../../kiosk/components/qm-phone-ticket';
import type { TicketUpdate } from '../../protocol/realtime';
import type { TicketView } from '../../protocol/schemas';

const view = { number: 'A004', serviceName: 'Hộ tịch', serviceNameEn: 'Civil status', status: 'waiting', waitingAhead: 3, etaMinutes: 12, etaRange: null, counterNumber: null, calledAt: null, recallCount: 0 } as unknown as TicketView;
const update = { seq: 9, ticket: { number: 'A004', status: 'waiting', calledAt: null, recallCount: 0 }, waitingAhead: 2, etaMinutes: 8, etaRange: { low: 8, high: 29 }, counter: null } as unknown as TicketUpdate;
const blank = { serviceName: '', serviceNameEn: '', number: 'A004', status: 'waiting', waitingAhead: 0, etaMinutes: null, etaRange: null, counterNumber: null, callKey: null } as const;

describe('phone page: the REST view and the socket update, in either order', () => {
  it('the view first, then the update: the update moves the place, the name stays', () => {
    const merged = applyUpdate(mergeView(null, view), update);
    expect(merged).toMatchObject({ serviceName: 'Hộ tịch', waitingAhead: 2, etaMinutes: 8 });
  });

  it('the update first, then the view: the place stays the update\'s, the name comes from the view', () => {
    const merged = mergeView(applyUpdate(blank, update), view);
    expect(merged).toMatchObject({ serviceName: 'Hộ tịch', serviceNameEn: 'Civil status', waitingAhead: 2, etaMinutes: 8 });
  });
});
