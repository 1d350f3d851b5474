/**
 * `<qm-province-floor>`: one center's floor as the hub knows it (GET /api/hub/centers/:id/floor): per service
 * waiting, longest wait, being served, served; per counter its state and the number it holds. Fetched again
 * whenever the live list brings news of this center.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { theme } from '../../console/components/theme';
import { formatLocalTime } from '../../protocol/local-time';
import { api, ApiError, serverNow } from '../lib/api';
import { dmy, duration, number } from '../lib/format';
import { t } from '../lib/i18n';
import type { CenterItem } from '../lib/province-live';
import { statusText } from './qm-province-centers';

interface Floor {
  centerId: string;
  code: string;
  name: string;
  businessDay: string;
  asOf: number;
  online: boolean;
  lastSeenAt: number | null;
  services: { id: string; name: string; waiting: number; longestWaitSeconds: number; inService: number; served: number }[];
  counters: { id: string; name: string; state: 'serving' | 'called' | 'idle'; number: string | null; serviceId: string | null; since: number | null; served: number }[];
}

export class QmProvinceFloor extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        align-items: baseline;
        gap: 1.5rem;
        flex-wrap: wrap;
        margin-bottom: 1rem;
      }
      .head h2 {
        font-size: 1.5rem;
        margin: 0;
      }
      a {
        color: var(--qm-blue-dark);
        font-weight: 600;
      }
      .status {
        font-weight: 700;
      }
      .status.on {
        color: var(--qm-green);
      }
      .status.off {
        color: var(--qm-red);
      }
      .strip {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 1rem;
        margin-bottom: 1.25rem;
      }
      .figure {
        padding: 0.7rem 1.1rem;
      }
      .figure .label {
        color: var(--qm-grey);
        font-weight: 600;
      }
      .figure .value {
        font-size: 1.9rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .figure.bad .value {
        color: var(--qm-red);
      }
      section.card h3 {
        margin: 0 0 0.6rem;
        font-size: 1.1rem;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
        gap: 1.25rem;
        align-items: start;
      }
      table {
        font-size: 1.05rem;
      }
      td {
        vertical-align: middle;
      }
      .counters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
        gap: 0.75rem;
      }
      .counter {
        border: 1px solid var(--qm-line);
        border-left: 6px solid #9aa0a6;
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
        background: #fff;
      }
      .counter.serving {
        border-left-color: var(--qm-green);
      }
      .counter.called {
        border-left-color: var(--qm-amber);
      }
      .counter h4 {
        margin: 0 0 0.2rem;
        font-size: 1rem;
      }
      .counter .num {
        font-size: 1.8rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .counter .state {
        font-weight: 600;
      }
      .counter.serving .state {
        color: var(--qm-green);
      }
      .counter.called .state {
        color: var(--qm-amber);
      }
      .long {
        color: #8c1d18;
        font-weight: 700;
      }
    `,
  ];

  @property() centerId = '';
  @property({ attribute: false }) center: CenterItem | null = null;
  @property({ type: Number }) tick = 0;
  @state() private floor: Floor | null = null;
  @state() private error = '';
  private seen = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new center, or news of this one (a batch, a heartbeat, online ↔ offline): fetch its floor again.
    const c = this.center;
    const key = `${this.centerId}|${c?.lastSeq}|${c?.lastSeenAt}|${c?.online}|${c?.waiting}`;
    if ((changed.has('centerId') || changed.has('center') || changed.has('tick')) && key !== this.seen) {
      this.seen = key;
      void this.load();
    }
  }

  private async load() {
    const id = this.centerId;
    try {
      const f = await api<Floor>(`/api/hub/centers/${encodeURIComponent(id)}/floor`);
      if (id === this.centerId) {
        this.floor = f;
        this.error = '';
      }
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    const f = this.floor?.centerId === this.centerId ? this.floor : null;
    const c = this.center;
    const now = serverNow();
    if (!f) return html`<p><a href="#/">${t('floor.back')}</a></p>${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}`;
    return html`
      <p><a href="#/">${t('floor.back')}</a></p>
      <div class="head">
        <h2 data-testid="floor-title">${t('floor.title', { name: f.name })}</h2>
        ${c ? html`<span class="status ${c.online ? 'on' : 'off'}" data-testid="floor-status">${statusText(c, now)}</span>` : null}
        <span class="muted">${t('floor.asOf', { day: dmy(f.businessDay), time: formatLocalTime(f.asOf) })}</span>
        <a href="#/reports?center=${f.centerId}">${t('floor.report')}</a>
      </div>
      ${c
        ? html`<section class="strip" aria-label=${t('floor.title', { name: f.name })}>
            <div class="card figure"><div class="label">${t('centers.waiting')}</div><div class="value" data-testid="floor-waiting">${c.liveAt === null ? '–' : number(c.waiting)}</div></div>
            <div class="card figure"><div class="label">${t('centers.longest')}</div><div class="value">${c.longestWaitSeconds > 0 ? duration(c.longestWaitSeconds) : '–'}</div></div>
            <div class="card figure"><div class="label">${t('centers.counters')}</div><div class="value">${c.liveAt === null ? '–' : number(c.openCounters)}</div></div>
            <div class="card figure ${c.printerFaults > 0 ? 'bad' : ''}"><div class="label">${t('centers.printers')}</div><div class="value">${c.liveAt === null ? '–' : number(c.printerFaults)}</div></div>
          </section>`
        : null}
      <div class="grid">
        <section class="card">
          <h3 id="svc-title">${t('floor.services')}</h3>
          ${f.services.length === 0
            ? html`<p class="muted">${t('floor.noServices')}</p>`
            : html`<table aria-labelledby="svc-title" data-testid="floor-services">
                <thead>
                  <tr>
                    <th>${t('floor.service')}</th>
                    <th class="num">${t('floor.waiting')}</th>
                    <th class="num">${t('floor.longest')}</th>
                    <th class="num">${t('floor.inService')}</th>
                    <th class="num">${t('floor.served')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${f.services.map(
                    (s) => html`<tr data-service=${s.id}>
                      <td>${s.name}</td>
                      <td class="num" data-testid="svc-waiting">${number(s.waiting)}</td>
                      <td class="num ${s.longestWaitSeconds >= 30 * 60 ? 'long' : ''}">${s.waiting > 0 ? duration(s.longestWaitSeconds) : '–'}</td>
                      <td class="num">${number(s.inService)}</td>
                      <td class="num">${number(s.served)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`}
        </section>
        <section class="card">
          <h3>${t('floor.counters')}</h3>
          ${f.counters.length === 0
            ? html`<p class="muted">${t('floor.noCounters')}</p>`
            : html`<div class="counters" data-testid="floor-counters">
                ${f.counters.map(
                  (k) => html`<div class="counter ${k.state}" data-counter=${k.id}>
                    <h4>${k.name}</h4>
                    <div class="num">${k.number ?? '—'}</div>
                    <div class="state">${t(`floor.state.${k.state}`)}${k.since ? html` · ${formatLocalTime(k.since)}` : null}</div>
                    <div class="muted">${t('floor.served')}: ${number(k.served)}</div>
                  </div>`,
                )}
              </div>`}
        </section>
      </div>
    `;
  }
}
