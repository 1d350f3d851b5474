/**
 * `<qm-reports>`: director reports for any date range — totals, wait and
 * service time, by service/counter/staff/hour/day, SLA share, satisfaction;
 * charts, tables, CSV links and a printable layout. The "Đặt lịch" tab shows the appointments' figures
 * (`<qm-report-appointments>`) for the same period.
 *
 * @property view - live view (for the center's time zone and "today")
 * @property tab - 'summary' or 'appointments'
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ReportGroup, ReportSummary, SatisfactionGroup } from '../../protocol/reports';
import { api, ApiError } from '../lib/api';
import { centerToday } from '../lib/center-today';
import { dmy, minutes, parseDmy, percent } from '../lib/format';
import { addDays } from '../../protocol/local-time';
import { currentLang, t } from '../lib/i18n';
import type { StaffView } from '../lib/staff-model';
import type { AppointmentReport } from '../lib/appointments';
import type { MessageKey } from '../lib/i18n.vi';
import { reportStyles } from './qm-reports.styles';
import { theme } from './theme';

const LEVEL_COLORS = { '4': '#137333', '3': '#81c995', '2': '#fbbc04', '1': '#d93025' } as const;

export class QmReports extends LitElement {
  static override styles = [theme, reportStyles];

  @property({ attribute: false }) view: StaffView | null = null;
  @property() tab: 'summary' | 'appointments' = 'summary';
  @state() private fromText = '';
  @state() private toText = '';
  @state() private range: { from: string; to: string } | null = null;
  @state() private report: ReportSummary | null = null;
  @state() private appointments: AppointmentReport | null = null;
  @state() private error = '';
  @state() private loading = false;

  private today(): string | null {
    return centerToday(this.view);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The default range waits for the live view: until then the server's day is unknown.
    const today = this.range ? null : this.today();
    if (today) this.choose(today, today);
    // Another tab, the same period.
    else if (changed.has('tab') && changed.get('tab') !== undefined && this.range) void this.load(this.range.from, this.range.to);
  }

  private choose(from: string, to: string) {
    this.fromText = dmy(from);
    this.toText = dmy(to);
    void this.load(from, to);
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const from = parseDmy(this.fromText);
    const to = parseDmy(this.toText);
    if (!from || !to || from > to) {
      this.error = t('reports.badDate');
      return;
    }
    void this.load(from, to);
  }

  private async load(from: string, to: string) {
    this.range = { from, to };
    this.loading = true;
    this.error = '';
    const tab = this.tab;
    try {
      if (tab === 'appointments') this.appointments = await api<AppointmentReport>(`/api/reports/appointments?from=${from}&to=${to}`);
      else this.report = await api<ReportSummary>(`/api/reports/summary?from=${from}&to=${to}`);
    } catch (err) {
      this.report = null;
      this.appointments = null;
      this.error = err instanceof ApiError ? err.message : String(err);
    } finally {
      this.loading = false;
    }
  }

  override render() {
    const today = this.today() ?? '';
    const q = this.range ? `from=${this.range.from}&to=${this.range.to}` : '';
    return html`<form class="bar noprint" @submit=${this.submit}>
        <label>${t('reports.from')} <input name="from" inputmode="numeric" placeholder="dd/mm/yyyy" .value=${this.fromText} @input=${(e: Event) => (this.fromText = (e.target as HTMLInputElement).value)} /></label>
        <label>${t('reports.to')} <input name="to" inputmode="numeric" placeholder="dd/mm/yyyy" .value=${this.toText} @input=${(e: Event) => (this.toText = (e.target as HTMLInputElement).value)} /></label>
        <button class="primary">${t('reports.show')}</button>
        <button type="button" ?disabled=${!today} @click=${() => this.choose(today, today)}>${t('reports.today')}</button>
        <button type="button" ?disabled=${!today} @click=${() => this.choose(addDays(today, -6), today)}>${t('reports.week')}</button>
        <button type="button" ?disabled=${!today} @click=${() => this.choose(today.slice(0, 8) + '01', today)}>${t('reports.month')}</button>
        <span class="spacer"></span>
        ${this.tab === 'summary'
          ? html`<a class="csv" href="/api/reports/summary.csv?${q}" download>${t('reports.csvSummary')}</a>
              <a class="csv" href="/api/reports/tickets.csv?${q}" download>${t('reports.csvTickets')}</a>
              <a class="csv" href="/api/reports/events.csv?${q}" download>${t('reports.csvEvents')}</a>`
          : null}
        <button type="button" @click=${() => window.print()}>${t('reports.print')}</button>
      </form>
      <nav class="tabs noprint" aria-label=${t('nav.reports')}>
        <a href="#/reports" aria-current=${this.tab === 'summary' ? 'page' : 'false'} data-testid="summary-link">${t('reports.summaryTab')}</a>
        <a href="#/reports/appointments" aria-current=${this.tab === 'appointments' ? 'page' : 'false'} data-testid="appointments-link">${t('reports.appointmentsTab')}</a>
        <a href="#/reports/what-if" data-testid="what-if-link">${t('whatIf.tab')}</a>
      </nav>
      ${this.error ? html`<p class="toast error" role="alert">${this.error}</p>` : null} ${this.loading ? html`<p class="muted">${t('reports.loading')}</p>` : null}
      ${this.tab === 'appointments' ? this.renderAppointments() : this.report ? this.renderReport(this.report) : null}`;
  }

  private renderAppointments() {
    const r = this.appointments;
    if (!r) return null;
    return html`<h1>${this.view?.center?.name ?? ''} — ${t('apptReport.title')}</h1>
      <p class="muted" data-testid="report-range">${t('reports.range', { from: dmy(r.from), to: dmy(r.to), zone: this.view?.center?.timeZone ?? '' })}</p>
      <qm-report-appointments .report=${r} .services=${this.view?.services ?? []}></qm-report-appointments>`;
  }

  private renderReport(r: ReportSummary) {
    const lang = currentLang();
    const tot = r.totals;
    const sat = r.satisfaction.totals;
    return html`<h1>${this.view?.center?.name ?? ''} — ${t('reports.title')}</h1>
      <p class="muted" data-testid="report-range">${t('reports.range', { from: dmy(r.from), to: dmy(r.to), zone: r.timeZone })}</p>
      <div class="kpis">
        ${this.kpi('reports.issued', String(tot.issued), 'kpi-issued')} ${this.kpi('reports.served', String(tot.served), 'kpi-served')}
        ${this.kpi('reports.noShow', String(tot.noShow))} ${this.kpi('reports.meanWait', minutes(tot.wait.mean, lang))}
        ${this.kpi('reports.meanService', minutes(tot.service.mean, lang))} ${this.kpi('reports.sla', percent(tot.slaShare, lang))}
        ${this.kpi('reports.satisfied', `${percent(sat.satisfiedShare, lang)} (${sat.total})`, 'kpi-satisfied')}
      </div>
      ${tot.issued === 0 ? html`<p class="muted">${t('reports.empty')}</p>` : null}
      <div class="charts">
        <section class="card">
          <h2>${t('reports.byHour')}</h2>
          <qm-chart
            .labels=${r.byHour.map((g) => t('reports.hour', { hour: g.key }))}
            .datasets=${[
              { label: t('reports.issued'), data: r.byHour.map((g) => g.issued), color: '#8ab4f8' },
              { label: t('reports.served'), data: r.byHour.map((g) => g.served), color: '#0b5cab' },
            ]}
          ></qm-chart>
        </section>
        <section class="card">
          <h2>${t('reports.byService')} — ${t('reports.meanWait')}</h2>
          <qm-chart
            .labels=${r.byService.map((g) => g.label)}
            .datasets=${[
              { label: t('reports.meanWait'), data: r.byService.map((g) => Math.round(((g.wait.mean ?? 0) / 60) * 10) / 10), color: '#f9ab00' },
              { label: t('reports.meanService'), data: r.byService.map((g) => Math.round(((g.service.mean ?? 0) / 60) * 10) / 10), color: '#137333' },
            ]}
          ></qm-chart>
        </section>
        ${r.byDay.length > 1
          ? html`<section class="card">
              <h2>${t('reports.byDay')}</h2>
              <qm-chart
                type="line"
                .labels=${r.byDay.map((g) => dmy(g.key).slice(0, 5))}
                .datasets=${[
                  { label: t('reports.issued'), data: r.byDay.map((g) => g.issued), color: '#8ab4f8' },
                  { label: t('reports.served'), data: r.byDay.map((g) => g.served), color: '#0b5cab' },
                ]}
              ></qm-chart>
            </section>`
          : null}
        <section class="card">
          <h2>${t('reports.satByStaff')}</h2>
          <qm-chart
            stacked
            .labels=${r.satisfaction.byStaff.map((g) => g.label)}
            .datasets=${(['4', '3', '2', '1'] as const).map((l) => ({ label: t(`rating.${l}`), data: r.satisfaction.byStaff.map((g) => g.levels[l]), color: LEVEL_COLORS[l] }))}
          ></qm-chart>
        </section>
      </div>
      ${this.groupTable('reports.byService', r.byService, 'by-service')} ${this.groupTable('reports.byCounter', r.byCounter, 'by-counter')}
      ${this.groupTable('reports.byStaff', r.byStaff, 'by-staff')} ${this.groupTable('reports.byDay', r.byDay.map((g) => ({ ...g, label: dmy(g.key) })), 'by-day')}
      ${this.satTable('reports.satByStaff', r.satisfaction.byStaff)} ${this.satTable('reports.satByService', r.satisfaction.byService)}
      ${Object.keys(r.satisfaction.reasons).length
        ? html`<section class="card block">
            <h2>${t('reports.reasons')}</h2>
            <table>
              <tbody>
                ${Object.entries(r.satisfaction.reasons)
                  .sort((a, b) => b[1] - a[1])
                  .map(([reason, n]) => html`<tr><td>${reason}</td><td class="num">${n}</td></tr>`)}
              </tbody>
            </table>
          </section>`
        : null}`;
  }

  private kpi(label: MessageKey, value: string, testid = '') {
    return html`<div class="card kpi" data-testid=${testid}><span class="muted">${t(label)}</span><strong>${value}</strong></div>`;
  }

  private groupTable(title: MessageKey, groups: ReportGroup[], testid: string) {
    const lang = currentLang();
    const heads: MessageKey[] = ['reports.issued', 'reports.served', 'reports.noShow', 'reports.meanWait', 'reports.col.medianWait', 'reports.col.p90Wait', 'reports.meanService', 'reports.sla'];
    return this.figuresTable(title, testid, heads.map((h) => t(h)), groups, (g) => [
      g.issued,
      g.served,
      g.noShow,
      minutes(g.wait.mean, lang),
      minutes(g.wait.median, lang),
      minutes(g.wait.p90, lang),
      minutes(g.service.mean, lang),
      percent(g.slaShare, lang),
    ]);
  }

  private satTable(title: MessageKey, groups: SatisfactionGroup[]) {
    const lang = currentLang();
    const levels = ['4', '3', '2', '1'] as const;
    const heads = [t('reports.col.ratings'), ...levels.map((l) => t(`rating.${l}`)), t('reports.satisfied')];
    return this.figuresTable(title, undefined, heads, groups, (g) => [g.total, ...levels.map((l) => g.levels[l]), percent(g.satisfiedShare, lang)]);
  }

  /** A titled table with a row a group: its name, then one right-aligned figure a column. Nothing when empty. */
  private figuresTable<G extends { label: string }>(title: MessageKey, testid: string | undefined, heads: string[], groups: G[], figures: (g: G) => unknown[]) {
    if (groups.length === 0) return null;
    return html`<section class="card block">
      <h2>${t(title)}</h2>
      <table data-testid=${ifDefined(testid)}>
        <thead>
          <tr>
            <th>${t('reports.col.name')}</th>
            ${heads.map((h) => html`<th class="num">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${groups.map(
            (g) => html`<tr>
              <td>${g.label}</td>
              ${figures(g).map((f) => html`<td class="num">${f}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}
