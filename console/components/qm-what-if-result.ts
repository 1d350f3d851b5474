/**
 * `<qm-what-if-result>`: a what-if's answer — the whole center's predicted mean and P90 wait beside the real
 * ones, charts by hour and by service, and the table by service.
 *
 * @property result - the answer of POST /api/reports/what-if
 * @property services - for the services' names
 */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Service } from '../../protocol/domain';
import type { WhatIfFigures, WhatIfResult } from '../../protocol/what-if';
import { dmy, minutes } from '../lib/format';
import { currentLang, t } from '../lib/i18n';
import { reportStyles } from './qm-reports.styles';
import { whatIfStyles } from './qm-what-if.styles';
import { theme } from './theme';

const REAL_COLOR = '#9aa0a6';
const PREDICTED_COLOR = '#0b5cab';
const toMinutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

export class QmWhatIfResult extends LitElement {
  static override styles = [theme, reportStyles, whatIfStyles];

  @property({ attribute: false }) result: WhatIfResult | null = null;
  @property({ attribute: false }) services: Service[] = [];

  override render() {
    const r = this.result;
    if (!r) return null;
    const names = new Map(this.services.map((s) => [s.id, s.name]));
    const name = (id: string) => names.get(id) ?? id;
    // In the kiosk's order of services, as every other report lists them.
    const rank = new Map(this.services.map((s) => [s.id, s.sortOrder]));
    const byService = [...r.byService].sort((a, b) => (rank.get(a.serviceId) ?? 1e9) - (rank.get(b.serviceId) ?? 1e9));
    return html`<h2>${t('whatIf.result')}</h2>
      <p class="muted" data-testid="what-if-basis">
        ${t('whatIf.range', { from: dmy(r.from), to: dmy(r.to) })} ·
        ${r.basis === 'typical'
          ? t('whatIf.typicalBasis', { days: r.days, tickets: r.tickets, simulated: r.simulatedDays, ms: r.elapsedMs })
          : t('whatIf.basis', { days: r.days, tickets: r.tickets, ms: r.elapsedMs })}
      </p>
      ${r.tickets === 0
        ? html`<p class="muted">${t('whatIf.noDays')}</p>`
        : html`<div class="kpis">
              ${this.kpi(t('whatIf.meanWait'), r.overall.logged.meanWaitSeconds, r.overall.meanWaitSeconds, 'what-if-mean')}
              ${this.kpi(t('whatIf.p90Wait'), r.overall.logged.p90WaitSeconds, r.overall.p90WaitSeconds, 'what-if-p90')}
            </div>
            ${r.overall.uncalled > r.overall.logged.uncalled ? html`<p class="toast warn" role="status">${t('whatIf.uncalled', { count: r.overall.uncalled })}</p>` : null}
            <div class="charts">
              <section class="card">
                <h3>${t('whatIf.byHour')}</h3>
                <qm-chart .labels=${r.byHour.map((g) => t('reports.hour', { hour: g.hour }))} .datasets=${this.series(r.byHour)}></qm-chart>
              </section>
              <section class="card">
                <h3>${t('whatIf.byService')}</h3>
                <qm-chart .labels=${byService.map((g) => name(g.serviceId))} .datasets=${this.series(byService)}></qm-chart>
              </section>
            </div>
            ${this.table(r, byService, name)}`}`;
  }

  private series(groups: WhatIfFigures[]) {
    return [
      { label: t('whatIf.logged'), data: groups.map((g) => toMinutes(g.logged.meanWaitSeconds)), color: REAL_COLOR },
      { label: t('whatIf.predicted'), data: groups.map((g) => toMinutes(g.meanWaitSeconds)), color: PREDICTED_COLOR },
    ];
  }

  private kpi(label: string, real: number, predicted: number, testid: string) {
    const lang = currentLang();
    return html`<div class="card kpi" data-testid=${testid}>
      <span class="muted">${label}</span>
      <strong>${minutes(predicted, lang)}</strong>
      <span class="muted">${t('whatIf.logged')}: ${minutes(real, lang)} · ${this.change(real, predicted)}</span>
    </div>`;
  }

  /** '−12,5 phút' in green when the plan shortens the wait, '+3 phút' in red when it lengthens it. */
  private change(real: number, predicted: number) {
    const diff = predicted - real;
    if (Math.abs(diff) < 30) return html`<span class="same">±0</span>`;
    const text = minutes(Math.abs(diff), currentLang());
    return diff < 0 ? html`<span class="better">−${text}</span>` : html`<span class="worse">+${text}</span>`;
  }

  private table(r: WhatIfResult, byService: WhatIfResult['byService'], name: (id: string) => string) {
    const lang = currentLang();
    const row = (label: string, g: WhatIfFigures, cls = '') => html`<tr class=${cls}>
      <td>${label}</td>
      <td class="num">${g.logged.called + g.logged.uncalled}</td>
      <td class="num">${minutes(g.logged.meanWaitSeconds, lang)}</td>
      <td class="num predicted">${minutes(g.meanWaitSeconds, lang)}</td>
      <td class="num">${this.change(g.logged.meanWaitSeconds, g.meanWaitSeconds)}</td>
      <td class="num">${minutes(g.logged.p90WaitSeconds, lang)}</td>
      <td class="num predicted">${minutes(g.p90WaitSeconds, lang)}</td>
    </tr>`;
    return html`<section class="card block">
      <table data-testid="what-if-by-service">
        <thead>
          <tr>
            <th>${t('whatIf.service')}</th>
            <th class="num">${t('whatIf.tickets')}</th>
            <th class="num">${t('whatIf.meanWait')} · ${t('whatIf.logged')}</th>
            <th class="num">${t('whatIf.meanWait')} · ${t('whatIf.predicted')}</th>
            <th class="num">${t('whatIf.change')}</th>
            <th class="num">${t('whatIf.p90Wait')} · ${t('whatIf.logged')}</th>
            <th class="num">${t('whatIf.p90Wait')} · ${t('whatIf.predicted')}</th>
          </tr>
        </thead>
        <tbody>
          ${byService.map((g) => row(name(g.serviceId), g))} ${row(t('whatIf.overall'), r.overall, 'total')}
        </tbody>
      </table>
      <p class="muted small">${t('whatIf.note')}</p>
    </section>`;
  }
}
