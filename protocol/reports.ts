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

/** One reason chip in the catalog; `id` is what is stored, the labels are what is shown. */
export interface RatingReason {
  id: string;
  label: string;
  labelEn: string;
  /** Positive chips go with levels 3–4, negative ones with 1–2 (the tablet decides which to offer). */
  positive: boolean;
}

export interface RatingReasonCount extends RatingReason {
  count: number;
}

/** Extra fields of ReportSummary beyond the fixed shape above. */
export interface ReportSummaryExtras {
  /** Filters that were applied (null = not filtered). */
  filters: { serviceId: string | null; counterId: string | null; staffId: string | null };
  /** Reason counts with both labels, most frequent first (`satisfaction.reasons` is keyed by the Vietnamese label). */
  reasonDetails: RatingReasonCount[];
}

export const RATING_LEVEL_LABELS: Record<RatingLevel, { label: string; labelEn: string }> = {
  4: { label: 'Rất hài lòng', labelEn: 'Very satisfied' },
  3: { label: 'Hài lòng', labelEn: 'Satisfied' },
  2: { label: 'Bình thường', labelEn: 'Neutral' },
  1: { label: 'Không hài lòng', labelEn: 'Dissatisfied' },
};

/**
 * The chips offered on the rating tablet. Ids are stored with the rating, so a label may be
 * reworded later without splitting the counts; remove an id only if no old rating uses it.
 */
export const RATING_REASONS: readonly RatingReason[] = [
  { id: 'staff-helpful', label: 'Cán bộ nhiệt tình', labelEn: 'Helpful staff', positive: true },
  { id: 'staff-polite', label: 'Cán bộ lịch sự, tôn trọng', labelEn: 'Polite, respectful staff', positive: true },
  { id: 'clear-guidance', label: 'Hướng dẫn rõ ràng', labelEn: 'Clear guidance', positive: true },
  { id: 'fast-service', label: 'Giải quyết nhanh', labelEn: 'Quick service', positive: true },
  { id: 'short-wait', label: 'Chờ không lâu', labelEn: 'Short wait', positive: true },
  { id: 'good-facilities', label: 'Nơi chờ sạch sẽ, tiện nghi', labelEn: 'Clean, comfortable waiting area', positive: true },
  { id: 'long-wait', label: 'Thời gian chờ lâu', labelEn: 'Long wait', positive: false },
  { id: 'unclear-guidance', label: 'Hướng dẫn chưa rõ', labelEn: 'Unclear guidance', positive: false },
  { id: 'staff-unfriendly', label: 'Thái độ chưa thân thiện', labelEn: 'Unfriendly attitude', positive: false },
  { id: 'slow-service', label: 'Giải quyết chậm', labelEn: 'Slow service', positive: false },
  { id: 'extra-documents', label: 'Yêu cầu thêm giấy tờ', labelEn: 'Asked for extra documents', positive: false },
  { id: 'crowded', label: 'Nơi chờ đông, chật chội', labelEn: 'Crowded waiting area', positive: false },
];

/** POST /api/ratings answer. */
export interface RatingRecord {
  ticketId: string;
  level: RatingLevel;
  /** Reason ids. */
  reasons: string[];
  at: number;
}

/** GET /api/counters/:counterId/last-completed answer, used by the rating tablet after a reload. */
export interface LastCompleted {
  counter: { id: string; number: number; name: string };
  ticket: {
    id: string;
    number: string;
    serviceId: string;
    serviceName: string;
    serviceNameEn: string;
    staffName: string | null;
    completedAt: number;
  } | null;
  /** The rating already given for that ticket, else null. */
  rating: RatingRecord | null;
  /** Until when the ticket may still be rated (epoch ms), null without a ticket. */
  rateUntil: number | null;
}
