/** Accumulators for one report group: counts, duration samples, SLA and satisfaction tallies. */
import type { ReportGroup, SatisfactionGroup } from '../../protocol/reports';
import { Samples, durationStats } from './stats';

export class GroupAcc {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  open = 0;
  readonly wait = new Samples();
  readonly service = new Samples();
  slaCalled = 0;
  slaMet = 0;

  constructor(
    readonly key: string,
    readonly label: string,
  ) {}

  count(status: string): void {
    this.issued++;
    if (status === 'done') this.served++;
    else if (status === 'no-show') this.noShow++;
    else if (status === 'cancelled') this.cancelled++;
    else this.open++;
  }

  /** waitMs is null for a ticket never called; targetMs null when its service is unknown. */
  addWait(waitMs: number, targetMs: number | null): void {
    this.wait.push(waitMs);
    if (targetMs !== null) {
      this.slaCalled++;
      if (waitMs <= targetMs) this.slaMet++;
    }
  }

  result(): ReportGroup {
    return {
      key: this.key,
      label: this.label,
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      open: this.open,
      wait: durationStats(this.wait),
      service: durationStats(this.service),
      slaShare: this.slaCalled === 0 ? null : this.slaMet / this.slaCalled,
    };
  }
}

export class SatisfactionAcc {
  readonly levels = [0, 0, 0, 0, 0];
  total = 0;

  constructor(
    readonly key: string,
    readonly label: string,
  ) {}

  add(level: number, n = 1): void {
    if (level < 1 || level > 4) return;
    this.levels[level] += n;
    this.total += n;
  }

  result(): SatisfactionGroup {
    const l = this.levels;
    return {
      key: this.key,
      label: this.label,
      total: this.total,
      levels: { '1': l[1], '2': l[2], '3': l[3], '4': l[4] },
      satisfiedShare: this.total === 0 ? null : (l[3] + l[4]) / this.total,
    };
  }
}

/** Groups by key, created on first use. */
export class GroupMap<T> {
  readonly map = new Map<string, T>();
  constructor(private readonly make: (key: string) => T) {}
  get(key: string): T {
    let g = this.map.get(key);
    if (!g) {
      g = this.make(key);
      this.map.set(key, g);
    }
    return g;
  }
  values(): T[] {
    return [...this.map.values()];
  }
}
