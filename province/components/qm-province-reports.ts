/**
 * `<qm-province-reports>`: the province report from the hub's rollups (GET /api/hub/reports/summary): a period,
 * optionally one center; figures by center, procedure field, service, officer, day and hour, with satisfaction;
 * charts (the console's `<qm-chart>`) and the CSV (GET /api/hub/reports/summary.csv, same filters).
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { theme } from '../../console/components/theme';
import type { ChartSeries } from '../../console/components/qm-chart';
import { addDays, localDay } from '../../protocol/local-time';
import type { ReportGroup, SatisfactionGroup } from '../../protocol/reports';
import { api, ApiError, serverNow } from '../lib/api';
import { dmy, parseDmy } from '../../console/lib/format';
import { duration, number, percent } from '../lib/format';
import { t, type MessageKey } from '../lib/i18n';
import type { CenterItem } from '../lib/province-live';

interface CenterFigures extends ReportGroup {
  centerId: string;
  code: string;
  name: string;
  satisfaction: SatisfactionGroup;
}

interface Summary {
  from: string;
  to: string;
  totals: ReportGroup;
  byService: ReportGroup[];
  byCounter: ReportGroup[];
  byStaff: ReportGroup[];
  byHour: ReportGroup[];
  byDay: ReportGroup[];
  byCenter: CenterFigures[];
  byField: ReportGroup[];
  satisfactionByField: SatisfactionGroup[];
  satisfaction: { totals: SatisfactionGroup; byStaff: SatisfactionGroup[]; byService: SatisfactionGroup[] };
  reasonDetails: { id: string; label: string; labelEn: string; positive: boolean; count: number }[];
}

const BLUE = '#0b5cab';
const GREEN = '#137333';
const AMBER = '#b06000';
const RED = '#b3261e';
const minutes = (s: number | null) => (s === null ? 0 : Math.round((s / 60) * 10) / 10);

export class QmProvinceReports extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      form label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
        font-size: 0.95rem;
      }
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: 40px;
        padding: 0.5rem 0.9rem;
        border: 1px solid var(--qm-blue);
        border-radius: 8px;
        color: var(--qm-blue-dark);
        font-weight: 600;
        text-decoration: none;
        background: #fff;
      }
      .strip {
        display: grid;
        grid-template-columns: repeat(7, 1fr);
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .figure {
        padding: 0.7rem 1rem;
      }
      .figure .label {
        color: var(--qm-grey);
        font-weight: 600;
        font-size: 0.9rem;
      }
      .figure .value {
        font-size: 1.6rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 1rem;
        margin-bottom: 1rem;
      }
      .charts .card h3,
      .tables .card h3 {
        margin: 0 0 0.5rem;
        font-size: 1.05rem;
      }
      qm-chart {
        --qm-chart-height: 230px;
      }
      .tables {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1rem;
      }
      .tables .wide {
        grid-column: 1 / -1;
      }
      td,
      th {
        padding: 0.35rem 0.55rem;
      }
      td.num,
      th.num {
        white-space: nowrap;
      }
      .levels {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
    `,
  ];

  @property({ attribute: false }) centers: CenterItem[] = [];
  @property() centerId: string | null = null;
  @state() private from = '';
  @state() private to = '';
  @state() private center = '';
  @state() private summary: Summary | null = null;
  @state() private busy = false;
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.to) {
      const today = localDay(serverNow());
      this.to = today;
      this.from = addDays(today, -6);
    }
    if (changed.has('centerId')) {
      this.center = this.centerId ?? '';
      void this.load();
    }
  }

  private query(): string {
    const q = new URLSearchParams({ from: this.from, to: this.to });
    if (this.center) q.set('centerId', this.center);
    return q.toString();
  }

  private async load() {
    this.busy = true;
    this.error = '';
    try {
      this.summary = await api<Summary>(`/api/hub/reports/summary?${this.query()}`);
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const from = parseDmy(String(data.get('from') ?? ''));
    const to = parseDmy(String(data.get('to') ?? ''));
    if (!from || !to) {
      this.error = t('reports.badDate');
      return;
    }
    this.from = from;
    this.to = to;
    this.center = String(data.get('center') ?? '');
    void this.load();
  }

  override render() {
    const s = this.summary;
    const sorted = [...this.centers].sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
    return html`
      <h2>${t('reports.title')}</h2>
      <form @submit=${this.submit} aria-label=${t('reports.title')}>
        <label>${t('reports.from')}<input name="from" .value=${dmy(this.from)} required inputmode="numeric" placeholder="dd/mm/yyyy" size="10" data-testid="report-from" /></label>
        <label>${t('reports.to')}<input name="to" .value=${dmy(this.to)} required inputmode="numeric" placeholder="dd/mm/yyyy" size="10" data-testid="report-to" /></label>
        <label
          >${t('reports.center')}
          <select name="center" data-testid="report-center">
            <option value="" ?selected=${this.center === ''}>${t('reports.allCenters')}</option>
            ${sorted.map((c) => html`<option value=${c.id} ?selected=${this.center === c.id}>${c.code} · ${c.name}</option>`)}
          </select>
        </label>
        <button class="primary" ?disabled=${this.busy}>${this.busy ? t('reports.loading') : t('reports.show')}</button>
        ${s ? html`<a class="button" data-testid="csv" href="/api/hub/reports/summary.csv?${this.query()}" download>${t('reports.csv')}</a>` : null}
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${s ? this.result(s) : null}
    `;
  }

  private result(s: Summary) {
    const tot = s.totals;
    if (tot.issued === 0) return html`<p class="card muted" data-testid="report-empty">${t('reports.empty')}</p>`;
    const sat = s.satisfaction.totals;
    const fig = (label: MessageKey, value: string, id: string) => html`<div class="card figure" data-testid=${id}><div class="label">${t(label)}</div><div class="value">${value}</div></div>`;
    const satByCenter = new Map(s.byCenter.map((c) => [c.key, c.satisfaction]));
    const satByService = new Map(s.satisfaction.byService.map((g) => [g.key, g]));
    const satByStaff = new Map(s.satisfaction.byStaff.map((g) => [g.key, g]));
    const satByField = new Map(s.satisfactionByField.map((g) => [g.key, g]));
    const single = !!this.center;
    const centerChart: ChartSeries[] = [
      { label: t('reports.chart.issued'), data: s.byCenter.map((c) => c.issued), color: BLUE },
      { label: t('reports.chart.served'), data: s.byCenter.map((c) => c.served), color: GREEN },
    ];
    return html`
      <section class="strip" aria-label=${single ? t('reports.totalsCenter') : t('reports.totals')}>
        ${fig('reports.issued', number(tot.issued), 'tot-issued')} ${fig('reports.served', number(tot.served), 'tot-served')}
        ${fig('reports.noShow', number(tot.noShow), 'tot-noshow')} ${fig('reports.meanWait', duration(tot.wait.mean), 'tot-wait')}
        ${fig('reports.p90Wait', duration(tot.wait.p90), 'tot-p90')} ${fig('reports.sla', percent(tot.slaShare), 'tot-sla')}
        ${fig('reports.satisfied', percent(sat.satisfiedShare), 'tot-satisfied')}
      </section>
      <section class="charts">
        ${single
          ? html`<div class="card"><h3>${t('reports.byService')}</h3><qm-chart .labels=${s.byService.map((g) => g.label)} .datasets=${[
              { label: t('reports.chart.issued'), data: s.byService.map((g) => g.issued), color: BLUE },
              { label: t('reports.chart.served'), data: s.byService.map((g) => g.served), color: GREEN },
            ]}></qm-chart></div>`
          : html`<div class="card"><h3>${t('reports.byCenter')}</h3><qm-chart .labels=${s.byCenter.map((c) => c.code)} .datasets=${centerChart}></qm-chart></div>`}
        <div class="card">
          <h3>${t('reports.byDay')}</h3>
          <qm-chart type="line" .labels=${s.byDay.map((g) => g.label.slice(0, 5))} .datasets=${[
            { label: t('reports.chart.issued'), data: s.byDay.map((g) => g.issued), color: BLUE },
            { label: t('reports.chart.served'), data: s.byDay.map((g) => g.served), color: GREEN },
          ]}></qm-chart>
        </div>
        <div class="card">
          <h3>${single ? t('reports.waitByService') : t('reports.waitByCenter')}</h3>
          <qm-chart .labels=${(single ? s.byService.map((g) => g.label) : s.byCenter.map((c) => c.code))} .datasets=${[
            { label: t('reports.chart.wait'), data: (single ? s.byService : s.byCenter).map((g) => minutes(g.wait.mean)), color: AMBER },
            { label: t('reports.chart.p90'), data: (single ? s.byService : s.byCenter).map((g) => minutes(g.wait.p90)), color: RED },
          ]}></qm-chart>
        </div>
        <div class="card">
          <h3>${t('reports.byHour')}</h3>
          <qm-chart .labels=${s.byHour.map((g) => g.label)} .datasets=${[{ label: t('reports.chart.issued'), data: s.byHour.map((g) => g.issued), color: BLUE }]}></qm-chart>
        </div>
      </section>
      <section class="tables">
        ${single ? null : this.table('reports.byCenter', s.byCenter.map((c) => ({ ...c, label: `${c.code} · ${c.name}` })), satByCenter, 'wide', 'by-center')}
        ${this.table('reports.byField', s.byField, satByField, 'wide', 'by-field')} ${this.table('reports.byService', s.byService, satByService, 'wide', 'by-service')}
        ${this.table('reports.byStaff', s.byStaff, satByStaff, 'wide', 'by-staff')} ${this.table('reports.byDay', s.byDay, null, '', 'by-day')}
        ${this.table('reports.byHour', s.byHour, null, '', 'by-hour')}
        <div class="card wide">
          <h3>${t('reports.satisfaction')}</h3>
          <div class="levels">
            ${(['4', '3', '2', '1'] as const).map((l) => html`<span><strong>${t(`level.${l}`)}:</strong> ${number(sat.levels[l])}</span>`)}
            <span><strong>${t('reports.ratings')}:</strong> ${number(sat.total)}</span>
          </div>
          ${s.reasonDetails.length
            ? html`<h3 style="margin-top:0.75rem">${t('reports.reasons')}</h3>
                <div class="levels">${s.reasonDetails.map((r) => html`<span class="badge ${r.positive ? 'ok' : 'bad'}">${r.label} · ${r.count}</span>`)}</div>`
            : null}
        </div>
      </section>
    `;
  }

  private table(title: MessageKey, rows: ReportGroup[], sat: Map<string, SatisfactionGroup> | null, cls: string, id: string) {
    const hid = `t-${id}`;
    return html`<div class="card ${cls}">
      <h3 id=${hid}>${t(title)}</h3>
      <table aria-labelledby=${hid} data-testid=${id}>
        <thead>
          <tr>
            <th>${t('reports.name')}</th>
            <th class="num">${t('reports.issued')}</th>
            <th class="num">${t('reports.served')}</th>
            <th class="num">${t('reports.noShow')}</th>
            <th class="num">${t('reports.meanWait')}</th>
            <th class="num">${t('reports.p90Wait')}</th>
            <th class="num">${t('reports.meanService')}</th>
            <th class="num">${t('reports.sla')}</th>
            ${sat ? html`<th class="num">${t('reports.satisfied')}</th>` : null}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (g) => html`<tr>
              <td>${g.label}</td>
              <td class="num">${number(g.issued)}</td>
              <td class="num">${number(g.served)}</td>
              <td class="num">${number(g.noShow)}</td>
              <td class="num">${duration(g.wait.mean)}</td>
              <td class="num">${duration(g.wait.p90)}</td>
              <td class="num">${duration(g.service.mean)}</td>
              <td class="num">${percent(g.slaShare)}</td>
              ${sat ? html`<td class="num">${percent(sat.get(g.key)?.satisfiedShare)}</td>` : null}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
