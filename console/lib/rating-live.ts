/**
 * The rating tablet's channel on the live core (/public): it keeps only the
 * center and the counters (to name its own), and its news are the tickets each
 * update reports finished. They come without ids (anyone may listen here): when one
 * is its counter's, the tablet asks the counter's last-completed for the ticket to rate.
 */
import type { CounterView, PublicServerToClient, PublicSnapshot, PublicTicket } from '../../protocol/realtime';
import type { LiveChannel } from '../../live/live-channel';

export interface RatingView {
  centerName: string;
  counters: CounterView[];
}

export const ratingChannel: LiveChannel<RatingView, PublicSnapshot, PublicServerToClient, PublicTicket> = {
  namespace: '/public',
  empty: () => ({ centerName: '', counters: [] }),
  snapshot: (_view, snapshot) => ({ view: { centerName: snapshot.center.name, counters: snapshot.counters } }),
  update: (view, update) => ({ view, news: update.tickets.filter((t) => t.status === 'done') }),
};
