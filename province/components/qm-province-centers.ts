/**
 * `<qm-province-centers>`: every center of the province live — a summary strip (centers online / total, waiting
 * in total, the worst wait, printer faults) and a sortable table: link (online, or offline since when, in the
 * center's zone), waiting, longest wait, open counters, printer faults (highlighted). A center's name opens its
 * floor.
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { theme } from '../../console/components/theme';
import { serverNow } from '../lib/api';
import { duration, number, sinceText } from '../lib/format';
import { t, type MessageKey } from '../lib/i18n';
import type { CenterItem } from '../lib/province-live';

type SortKey = 'code' | 'name' | 'status' | 'waiting' | 'longestWaitSeconds' | 'openCounters' | 'printerFaults';

const COLUMNS: { key: SortKey; label: MessageKey; num?: boolean }[] = [
  { key: 'code', label: 'centers.code' },
  { key: 'name', label: 'centers.name' },
  { key: 'status', label: 'centers.status' },
  { key: 'waiting', label: 'centers.waiting', num: true },
  { key: 'longestWaitSeconds', label: 'centers.longest', num: true },
  { key: 'openCounters', label: 'centers.counters', num: true },
  { key: 'printerFaults', label: 'centers.printers', num: true },
];

/** A revoked link, as the hub says (`link`), or as an older hub's fields say. */
const isRevoked = (c: CenterItem) => (c.link ? c.link === 'revoked' : c.revokedAt !== null && !c.enrolled);

/** Offline centers sort as "worse" than online ones; among offline, the longest silent first; revoked ones last. */
const statusRank = (c: CenterItem) => (c.online ? 1e15 : isRevoked(c) ? -1 : (c.lastSeenAt ?? 0));

export function statusText(c: CenterItem, now: number): string {
  if (isRevoked(c)) return t('centers.revoked');
  if (!c.enrolled) return t('centers.notEnrolled');
  if (c.online) return t('centers.online');
  if (c.lastSeenAt === null) return t('centers.neverSeen');
  return t('centers.offlineSince', { time: sinceText(c.lastSeenAt, now) });
}

export class QmProvinceCenters extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .strip {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 1rem;
        margin-bottom: 1.25rem;
      }
      .figure {
        padding: 0.9rem 1.2rem;
      }
      .figure .label {
        color: var(--qm-grey);
        font-weight: 600;
        font-size: 0.95rem;
      }
      .figure .value {
        font-size: 2.2rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.2;
      }
      .figure .sub {
        color: var(--qm-grey);
        font-size: 0.9rem;
      }
      .figure.bad .value {
        color: var(--qm-red);
      }
      .table {
        padding: 0;
        overflow: hidden;
      }
      .table h2 {
        margin: 1rem 1.25rem 0.25rem;
      }
      .table p.muted {
        margin: 0 1.25rem 0.75rem;
      }
      table {
        font-size: 1.05rem;
      }
      th {
        background: #f7f8fa;
        padding: 0;
      }
      th button {
        all: unset;
        box-sizing: border-box;
        display: block;
        width: 100%;
        padding: 0.6rem 0.8rem;
        cursor: pointer;
        font-weight: 600;
        color: #3c4043;
      }
      th.num button {
        text-align: right;
      }
      th button:focus-visible {
        outline: 3px solid #f9ab00;
        outline-offset: -3px;
      }
      td {
        padding: 0.6rem 0.8rem;
        vertical-align: middle;
      }
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover {
        background: #eef4fb;
      }
      tr.offline td {
        background: #f6f6f6;
      }
      tr.offline td.figure-cell {
        color: #5f6368;
      }
      tr.fault td {
        background: #fdecea;
      }
      tr.fault td:first-child {
        box-shadow: inset 5px 0 0 var(--qm-red);
      }
      a {
        color: var(--qm-blue-dark);
        font-weight: 600;
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 0.45rem;
        font-weight: 600;
      }
      .dot {
        width: 0.7rem;
        height: 0.7rem;
        border-radius: 50%;
        background: var(--qm-green);
        flex: none;
      }
      .status.off {
        color: var(--qm-red);
      }
      .status.off .dot {
        background: var(--qm-red);
      }
      .status.never {
        color: var(--qm-grey);
      }
      .status.never .dot {
        background: #9aa0a6;
      }
      .status.revoked {
        color: #3c4043;
      }
      .status.revoked .dot {
        background: transparent;
        border: 2px solid #3c4043;
        border-radius: 2px;
      }
      .stale {
        display: block;
        font-size: 0.8rem;
        color: var(--qm-grey);
        font-weight: 400;
      }
      .fault-badge {
        display: inline-block;
        padding: 0.15rem 0.6rem;
        border-radius: 999px;
        background: var(--qm-red);
        color: #fff;
        font-weight: 700;
      }
      .long {
        color: #8c1d18;
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) centers: CenterItem[] = [];
  @property({ type: Number }) tick = 0;
  @state() private sortKey: SortKey = 'code';
  @state() private sortDir: 1 | -1 = 1;

  private sort(key: SortKey) {
    if (this.sortKey === key) this.sortDir = this.sortDir === 1 ? -1 : 1;
    else {
      this.sortKey = key;
      // Figures read best worst-first.
      this.sortDir = key === 'code' || key === 'name' || key === 'status' ? 1 : -1;
    }
  }

  private sorted(): CenterItem[] {
    const k = this.sortKey;
    const d = this.sortDir;
    return [...this.centers].sort((a, b) => {
      let r: number;
      if (k === 'code' || k === 'name') r = a[k].localeCompare(b[k], 'vi', { numeric: true });
      else if (k === 'status') r = statusRank(a) - statusRank(b);
      else r = a[k] - b[k];
      return r * d || a.code.localeCompare(b.code, 'vi', { numeric: true });
    });
  }

  override render() {
    const now = serverNow();
    const all = this.centers;
    const online = all.filter((c) => c.online);
    const waiting = all.reduce((s, c) => s + c.waiting, 0);
    const worst = all.reduce<CenterItem | null>((w, c) => (c.online && (!w || c.longestWaitSeconds > w.longestWaitSeconds) ? c : w), null);
    const faults = all.reduce((s, c) => s + (c.online ? c.printerFaults : 0), 0);
    return html`
      <section class="strip" aria-label=${t('centers.title')}>
        <div class="card figure" data-testid="sum-online">
          <div class="label">${t('summary.online')}</div>
          <div class="value">${t('summary.of', { a: online.length, b: all.length })}</div>
        </div>
        <div class="card figure" data-testid="sum-waiting">
          <div class="label">${t('summary.waiting')}</div>
          <div class="value">${number(waiting)}</div>
        </div>
        <div class="card figure" data-testid="sum-worst">
          <div class="label">${t('summary.worst')}</div>
          <div class="value">${worst && worst.longestWaitSeconds > 0 ? duration(worst.longestWaitSeconds) : '–'}</div>
          <div class="sub">${worst && worst.longestWaitSeconds > 0 ? worst.name : ''}</div>
        </div>
        <div class="card figure ${faults > 0 ? 'bad' : ''}" data-testid="sum-faults">
          <div class="label">${t('summary.faults')}</div>
          <div class="value">${number(faults)}</div>
        </div>
      </section>
      <section class="card table">
        <h2 id="centers-title">${t('centers.title')}</h2>
        <p class="muted">${t('centers.caption')}</p>
        <table aria-labelledby="centers-title" data-testid="centers">
          <thead>
            <tr>
              ${COLUMNS.map(
                (c) => html`<th class=${c.num ? 'num' : ''} aria-sort=${this.sortKey === c.key ? (this.sortDir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button @click=${() => this.sort(c.key)}>${t(c.label)}${this.sortKey === c.key ? (this.sortDir === 1 ? ' ▲' : ' ▼') : ''}</button>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${all.length === 0 ? html`<tr><td colspan="7" class="muted">${t('centers.empty')}</td></tr>` : null}
            ${this.sorted().map((c) => this.row(c, now))}
          </tbody>
        </table>
      </section>
    `;
  }

  private row(c: CenterItem, now: number) {
    const fault = c.online && c.printerFaults > 0;
    const revoked = isRevoked(c);
    const statusClass = c.online ? 'on' : revoked ? 'revoked' : c.lastSeenAt === null ? 'never' : 'off';
    const open = () => (location.hash = `#/center/${c.id}`);
    return html`<tr class="${c.online ? 'online' : 'offline'} ${revoked ? 'revoked' : ''} ${fault ? 'fault' : ''}" data-center=${c.code} @click=${open}>
      <td>${c.code}</td>
      <td><a href="#/center/${c.id}" @click=${(e: Event) => e.stopPropagation()}>${c.name}</a></td>
      <td>
        <span class="status ${statusClass}" data-testid="status"><span class="dot" aria-hidden="true"></span>${statusText(c, now)}</span>
        ${!c.online && !revoked && c.liveAt !== null ? html`<span class="stale">${t('centers.staleFigures', { time: sinceText(c.liveAt, now) })}</span>` : null}
      </td>
      ${c.liveAt === null
        ? html`<td class="num figure-cell" data-testid="waiting">–</td><td class="num figure-cell">–</td><td class="num figure-cell">–</td><td class="num figure-cell" data-testid="printers">–</td>`
        : html`<td class="num figure-cell" data-testid="waiting">${number(c.waiting)}</td>
            <td class="num figure-cell ${c.online && c.longestWaitSeconds >= 30 * 60 ? 'long' : ''}">${c.longestWaitSeconds > 0 ? duration(c.longestWaitSeconds) : '–'}</td>
            <td class="num figure-cell">${number(c.openCounters)}</td>
            <td class="num figure-cell" data-testid="printers">${c.printerFaults > 0 ? html`<span class=${c.online ? 'fault-badge' : ''}>${c.printerFaults}</span>` : t('centers.noFault')}</td>`}
    </tr>`;
  }
}
