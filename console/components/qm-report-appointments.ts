/**
 * `<qm-report-appointments>` (Báo cáo › Đặt lịch): the figures of `GET /api/reports/appointments` for the
 * reports' period — bookings by status and by service, check-ins and punctuality, no-shows, and the waits of
 * booked tickets beside walk-ins (table and chart).
 *
 * @property report - the server's answer
 * @property services - the center's services (names)
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Service } from '../../protocol/domain';
import { BOOKING_STATUSES, type AppointmentReport, type WaitFigures } from '../lib/appointments';
import { minutes, percent } from '../lib/format';
import { currentLang, nameOf, t } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n.vi';
import { reportStyles } from './qm-reports.styles';
import { theme } from './theme';

export class QmReportAppointments extends LitElement {
  static override styles = [
    theme,
    reportStyles,
    css`
      .tables {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1rem;
        margin-bottom: 1rem;
        align-items: start;
      }
      .tables .block {
        margin-bottom: 0;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
      /* A row's name reads as the other tables' names do. */
      tbody th {
        font-size: 1rem;
        color: inherit;
        font-weight: 400;
      }
      .hint {
        margin: 0.5rem 0 0;
        font-size: 0.88rem;
      }
      @media (max-width: 1000px) {
        .tables {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) report: AppointmentReport | null = null;
  @property({ attribute: false }) services: Service[] = [];

  override render() {
    const r = this.report;
    if (!r) return null;
    const lang = currentLang();
    const late = r.checkIns.meanMinutesLate;
    return html`<div class="kpis">
        ${this.kpi('apptReport.total', String(r.bookings.total), 'kpi-bookings')} ${this.kpi('apptReport.checkedIn', String(r.checkIns.total), 'kpi-checked-in')}
        ${this.kpi('apptReport.noShowRate', percent(r.noShows.rate, lang), 'kpi-no-show-rate')}
        ${this.kpi('apptReport.meanLate', late === null ? '–' : minutes(late * 60, lang), 'kpi-mean-late')}
      </div>
      ${r.bookings.total === 0 ? html`<p class="muted" data-testid="appointments-empty">${t('apptReport.empty')}</p>` : this.bookingTables(r)} ${this.waits(r)}`;
  }

  private bookingTables(r: AppointmentReport) {
    const lang = currentLang();
    const late = r.checkIns.meanMinutesLate;
    return html`<div class="tables">
        <section class="card block">
          <h2>${t('apptReport.byStatus')}</h2>
          <table data-testid="appointments-by-status">
            <thead>
              <tr>
                <th scope="col">${t('apptReport.status')}</th>
                <th scope="col" class="num">${t('apptReport.count')}</th>
              </tr>
            </thead>
            <tbody>
              ${BOOKING_STATUSES.map((s) => html`<tr data-status=${s}><td>${t(`apptReport.status.${s}`)}</td><td class="num">${r.bookings.byStatus[s] ?? 0}</td></tr>`)}
            </tbody>
          </table>
        </section>
        <section class="card block">
          <h2>${t('apptReport.byService')}</h2>
          <table data-testid="appointments-by-service">
            <thead>
              <tr>
                <th scope="col">${t('appt.col.service')}</th>
                <th scope="col" class="num">${t('apptReport.col.total')}</th>
                <th scope="col" class="num">${t('apptReport.col.checkedIn')}</th>
                <th scope="col" class="num">${t('apptReport.col.noShows')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.inServiceOrder(r.bookings.byService).map(
                (g) => html`<tr data-service=${g.serviceId}>
                  <td>${this.serviceName(g.serviceId)}</td>
                  <td class="num">${g.total}</td>
                  <td class="num">${g.checkedIn}</td>
                  <td class="num">${g.noShows}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </section>
        <section class="card block">
          <h2>${t('apptReport.checkIns')}</h2>
          <table data-testid="appointments-check-ins">
            <tbody>
              ${this.row('apptReport.beforeSlot', r.checkIns.beforeSlot)} ${this.row('apptReport.afterSlot', r.checkIns.afterSlot)}
              ${this.row('apptReport.meanMinutesLate', late === null ? '–' : minutes(late * 60, lang))}
            </tbody>
          </table>
        </section>
        <section class="card block">
          <h2>${t('apptReport.noShows')}</h2>
          <table data-testid="appointments-no-shows">
            <tbody>
              ${this.row('apptReport.calledNotThere', r.noShows.calledNotThere)} ${this.row('apptReport.neverCheckedIn', r.noShows.neverCheckedIn)}
              ${this.row('apptReport.cancelled', r.noShows.cancelled)} ${this.row('apptReport.rate', percent(r.noShows.rate, lang))}
            </tbody>
          </table>
        </section>
      </div>`;
  }

  private waits(r: AppointmentReport) {
    const lang = currentLang();
    const m = (v: number | null) => (v === null ? '–' : minutes(v * 60, lang));
    const groups: [MessageKey, WaitFigures, string][] = [
      ['apptReport.booked', r.waits.booked, 'booked'],
      ['apptReport.walkIn', r.waits.walkIn, 'walk-in'],
      ['apptReport.calledAfterSlot', r.waits.bookedCalledAfterSlot, 'after-slot'],
    ];
    return html`<div class="tables">
      <section class="card block">
        <h2>${t('apptReport.waits')}</h2>
        <table data-testid="appointments-waits">
          <thead>
            <tr>
              <th scope="col">${t('apptReport.group')}</th>
              <th scope="col" class="num">${t('apptReport.tickets')}</th>
              <th scope="col" class="num">${t('apptReport.mean')}</th>
              <th scope="col" class="num">${t('apptReport.p90')}</th>
            </tr>
          </thead>
          <tbody>
            ${groups.map(
              ([label, w, key]) => html`<tr data-group=${key}>
                <td>${t(label)}</td>
                <td class="num">${w.count}</td>
                <td class="num">${m(w.meanMinutes)}</td>
                <td class="num">${m(w.p90Minutes)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        <p class="hint muted">${t('apptReport.waits.hint')}</p>
      </section>
      ${r.waits.booked.count + r.waits.walkIn.count === 0
        ? null
        : html`<section class="card block">
        <h2>${t('apptReport.chart')}</h2>
        <qm-chart
          .labels=${[t('apptReport.booked'), t('apptReport.walkIn')]}
          .datasets=${[
            { label: t('apptReport.mean'), data: [r.waits.booked.meanMinutes ?? 0, r.waits.walkIn.meanMinutes ?? 0], color: '#0b5cab' },
            { label: t('apptReport.p90'), data: [r.waits.booked.p90Minutes ?? 0, r.waits.walkIn.p90Minutes ?? 0], color: '#f9ab00' },
          ]}
        ></qm-chart>
      </section>`}
    </div>`;
  }

  /** The services as the center orders them (the kiosk's order); unknown ids last. */
  private inServiceOrder<G extends { serviceId: string }>(groups: G[]): G[] {
    const rank = (id: string) => {
      const i = this.services.findIndex((s) => s.id === id);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return [...groups].sort((a, b) => rank(a.serviceId) - rank(b.serviceId));
  }

  private serviceName(id: string): string {
    const s = this.services.find((x) => x.id === id);
    return s ? `${s.prefix ? `${s.prefix} · ` : ''}${nameOf(s)}` : id;
  }

  private row(label: MessageKey, value: string | number) {
    return html`<tr>
      <th scope="row">${t(label)}</th>
      <td class="num">${value}</td>
    </tr>`;
  }

  private kpi(label: MessageKey, value: string, testid: string) {
    return html`<div class="card kpi" data-testid=${testid}><span class="muted">${t(label)}</span><strong>${value}</strong></div>`;
  }
}
