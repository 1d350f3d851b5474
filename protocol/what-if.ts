/** The staffing what-if (`POST /api/reports/what-if`): what the console sends and gets. */

/** A local working window, 'HH:mm' (07:30–11:30). */
export interface WorkWindow {
  from: string;
  to: string;
}

export interface WhatIfCounter {
  number: number;
  /** In the counter's order (service-order routing serves the first first). */
  serviceIds: string[];
  /** true or omitted: the hours it worked each logged day; false: closed; windows: those hours every day. */
  open?: boolean | WorkWindow[];
}

/** 'logged': each logged day replayed (the citizens who came); 'typical': days drawn from what the period was like. */
export type WhatIfBasis = 'logged' | 'typical';

export interface WhatIfRequest {
  from: string;
  to: string;
  counters: WhatIfCounter[];
  basis?: WhatIfBasis;
}

export interface WaitFigures {
  meanWaitSeconds: number;
  p90WaitSeconds: number;
  /** Tickets called (their wait is known). */
  called: number;
  /** Tickets still waiting at the end of the day: their wait is unknown, only long. */
  uncalled: number;
}

export interface WhatIfFigures extends WaitFigures {
  /** The same figures as the days were logged. */
  logged: WaitFigures;
}

export interface WhatIfResult {
  from: string;
  to: string;
  basis: WhatIfBasis;
  /** Logged days in the period (days without tickets are skipped). */
  days: number;
  tickets: number;
  /** Days simulated: the logged days replayed, or the typical days drawn. */
  simulatedDays: number;
  overall: WhatIfFigures;
  /** By the service the citizen queued for. */
  byService: (WhatIfFigures & { serviceId: string })[];
  /** By the local hour the ticket was issued. */
  byHour: (WhatIfFigures & { hour: number })[];
  /** Time spent replaying, ms. */
  elapsedMs: number;
}
