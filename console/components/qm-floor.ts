/**
 * `<qm-floor>`: the director's live floor — every counter's state and officer,
 * waiting per service with the oldest wait, alerts past a service's target wait, printers.
 *
 * @property view - live staff view
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { StaffCounterView } from '../../protocol/realtime';
import { clock } from '../lib/format';
import { nameOf, t } from '../lib/i18n';
import { printerName, statusTone } from '../lib/printers';
import { overTarget, type StaffView } from '../lib/staff-model';
import { stateColours, theme } from './theme';
import { ClockController } from '../../display/lib/clock-controller';

export class QmFloor extends LitElement {
  static override styles = [
    theme,
    stateColours,
    css`
      .top {
        display: grid;
        grid-template-columns: 2fr 1fr;
        gap: 1rem;
        margin-bottom: 1rem;
      }
      .alerts ul {
        margin: 0;
        padding-left: 1.1rem;
      }
      .alerts li {
        color: var(--qm-red);
        font-weight: 600;
      }
      .counters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .counter {
        border-top: 6px solid var(--state-colour, var(--qm-line));
        display: grid;
        gap: 0.3rem;
      }
      .counter .n {
        font-weight: 700;
        font-size: 1.05rem;
      }
      .counter .staff {
        font-size: 0.9rem;
        color: var(--qm-grey);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .counter .ticket {
        font-size: 2rem;
        font-weight: 800;
        color: var(--qm-blue-dark);
      }
      tr.late td {
        background: #fdecea;
      }
      .printers span {
        margin-right: 0.5rem;
      }
      .printers h2 a {
        color: var(--qm-blue-dark);
      }
      .counter .badge {
        justify-self: start;
      }
    `,
  ];

  @property({ attribute: false }) view: StaffView | null = null;
  private readonly ticker = new ClockController(this);

  override render() {
    const view = this.view;
    if (!view?.ready) return html`<p class="muted">…</p>`;
    const now = this.ticker.now + view.serverOffsetMs;
    const alerts = view.services
      .map((s) => ({ s, over: overTarget(view.stats.find((x) => x.serviceId === s.id), s, now) }))
      .filter((a) => a.over !== null);
    return html`<div class="top">
        <section class="card alerts" aria-live="polite">
          <h2>${t('floor.alerts')}</h2>
          ${alerts.length
            ? html`<ul data-testid="alerts">
                ${alerts.map((a) => html`<li>${t('floor.alert', { service: nameOf(a.s), minutes: a.over!, target: a.s.targetWaitMinutes })}</li>`)}
              </ul>`
            : html`<p class="muted">${t('floor.noAlerts')}</p>`}
        </section>
        <section class="card printers">
          <h2><a href="#/printers">${t('floor.printers')}</a></h2>
          ${view.printers.map(
            (p) => html`<span>${printerName(p.id)}: <span class="badge ${statusTone(p.status)}">${t(`printer.${p.status}`)}</span></span>`,
          )}
          ${view.unprinted.length
            ? html`<p class="unprinted" data-testid="unprinted">
                <a href="#/printers">${t('floor.unprinted', { count: view.unprinted.length, numbers: view.unprinted.map((u) => u.number).join(', ') })}</a>
              </p>`
            : null}
        </section>
      </div>
      <h2>${t('floor.counters')}</h2>
      <div class="counters">${view.counters.map((c) => this.renderCounter(c, now))}</div>
      <section class="card">
        <h2>${t('floor.services')}</h2>
        <table>
          <thead>
            <tr>
              <th>${t('floor.col.service')}</th>
              <th class="num">${t('floor.col.waiting')}</th>
              <th class="num">${t('floor.col.priority')}</th>
              <th class="num">${t('floor.col.oldest')}</th>
              <th class="num">${t('floor.col.target')}</th>
              <th class="num">${t('floor.col.eta')}</th>
              <th class="num">${t('floor.col.issued')}</th>
              <th class="num">${t('floor.col.served')}</th>
            </tr>
          </thead>
          <tbody>
            ${view.services
              .filter((s) => s.active)
              .map((s) => {
                const st = view.stats.find((x) => x.serviceId === s.id);
                const late = overTarget(st, s, now) !== null;
                return html`<tr class=${late ? 'late' : ''}>
                  <td>${s.prefix ? `${s.prefix} · ` : ''}${nameOf(s)}</td>
                  <td class="num">${st?.waiting ?? 0}</td>
                  <td class="num">${st?.waitingPriority ?? 0}</td>
                  <td class="num">${st?.oldestQueuedAt ? clock(now - st.oldestQueuedAt) : '–'}</td>
                  <td class="num">${s.targetWaitMinutes}′</td>
                  <td class="num">${st ? `${st.etaMinutes}′` : '–'}</td>
                  <td class="num">${st?.issuedToday ?? 0}</td>
                  <td class="num">${st?.servedToday ?? 0}</td>
                </tr>`;
              })}
          </tbody>
        </table>
      </section>`;
  }

  private renderCounter(c: StaffCounterView, now: number) {
    const tk = c.currentTicket;
    const kind = !c.active ? 'inactive' : c.state.paused ? 'paused' : tk ? tk.status : 'idle';
    return html`<div class="card counter ${kind}" data-counter=${c.number}>
      <span class="n">${c.name}</span>
      ${c.staffName ? html`<span class="staff" data-testid="staff-name" title=${c.staffName}>${t('floor.staff', { name: c.staffName })}</span>` : null}
      ${!c.active
        ? html`<span class="muted">${t('floor.inactive')}</span>`
        : c.state.paused
          ? html`<span class="badge bad">${t('floor.paused')}</span><span class="muted">${c.state.pauseReason ?? ''}</span>`
          : tk
            ? html`<span class="ticket">${tk.number}</span
                ><span>${t(tk.status === 'serving' ? 'counter.status.serving' : 'counter.status.called')} · ${clock(now - (tk.calledAt ?? now))}</span>`
            : html`<span class="muted">${t('floor.idle')}</span>`}
      <span class="muted">${t('floor.served', { count: c.servedToday })}</span>
    </div>`;
  }
}
