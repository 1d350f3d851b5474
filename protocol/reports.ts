/**
 * Director reports. Durations are in seconds; days are 'YYYY-MM-DD' in the
 * center's time zone; `from` and `to` are inclusive business days.
 */

export interface DurationStats {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface ReportCounts {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Still waiting/called/serving at report time (only for today). */
  open: number;
}

export interface ReportGroup extends ReportCounts {
  key: string;
  label: string;
  /** issue → first call */
  wait: DurationStats;
  /** start → complete */
  service: DurationStats;
  /** Share (0..1) of called tickets whose wait was within the service's target; null when none called. */
  slaShare: number | null;
}

/** Satisfaction levels: 4 Rất hài lòng, 3 Hài lòng, 2 Bình thường, 1 Không hài lòng. */
export type RatingLevel = 1 | 2 | 3 | 4;

export interface SatisfactionGroup {
  key: string;
  label: string;
  total: number;
  /** Count per level, index by level: levels['4'] = very satisfied. */
  levels: Record<'1' | '2' | '3' | '4', number>;
  /** Share (0..1) rated 3 or 4. */
  satisfiedShare: number | null;
}

export interface ReportSummary {
  centerId: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: number;
  totals: ReportGroup;
  byService: ReportGroup[];
  byCounter: ReportGroup[];
  byStaff: ReportGroup[];
  /** Local hour of issue, 0..23 (only hours with tickets). */
  byHour: ReportGroup[];
  byDay: ReportGroup[];
  satisfaction: {
    totals: SatisfactionGroup;
    byStaff: SatisfactionGroup[];
    byService: SatisfactionGroup[];
    /** Reason chip → count. */
    reasons: Record<string, number>;
  };
}
