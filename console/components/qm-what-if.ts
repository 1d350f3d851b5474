/**
 * `<qm-what-if>`: the director's staffing what-if (#/reports/what-if). Pick a period, edit the counters
 * (services ticked in the counter's order, working as they did / by hours / closed, add or remove one), run:
 * the logged days are replayed with them and `<qm-what-if-result>` shows predicted waits beside the real ones.
 *
 * @property view - live view (services, counters, the center's "today")
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Service } from '../../protocol/domain';
import { addDays } from '../../protocol/local-time';
import type { WhatIfBasis, WhatIfResult } from '../../protocol/what-if';
import { api, ApiError } from '../lib/api';
import { centerToday } from '../lib/center-today';
import { dmy, parseDmy } from '../lib/format';
import { t } from '../lib/i18n';
import type { StaffView } from '../lib/staff-model';
import { addCounter, planFrom, requestOf, toggleService, type OpenMode, type PlannedCounter } from '../lib/what-if';
import { reportStyles } from './qm-reports.styles';
import { whatIfStyles } from './qm-what-if.styles';
import { theme } from './theme';

const MODES: OpenMode[] = ['as-logged', 'hours', 'closed'];

export class QmWhatIf extends LitElement {
  // The reports' bar, headings and charts, so both screens look alike.
  static override styles = [theme, reportStyles, whatIfStyles];

  @property({ attribute: false }) view: StaffView | null = null;
  @state() private fromText = '';
  @state() private toText = '';
  @state() private plan: PlannedCounter[] | null = null;
  @state() private basis: WhatIfBasis = 'logged';
  @state() private result: WhatIfResult | null = null;
  @state() private error = '';
  @state() private running = false;

  private today(): string | null {
    return centerToday(this.view);
  }

  protected override willUpdate(): void {
    // Defaults wait for the live view: the counters as configured now, and the last seven whole days.
    const today = this.plan ? null : this.today();
    if (today && this.view) {
      this.plan = planFrom(this.view.counters);
      this.setRange(addDays(today, -7), addDays(today, -1));
    }
  }

  private setRange(from: string, to: string) {
    this.fromText = dmy(from);
    this.toText = dmy(to);
  }

  private services(): Service[] {
    return [...(this.view?.services ?? [])].filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);
  }

  private edit(number: number, change: (c: PlannedCounter) => PlannedCounter) {
    this.plan = this.plan!.map((c) => (c.number === number ? change(c) : c));
  }

  private async run(e: SubmitEvent) {
    e.preventDefault();
    const from = parseDmy(this.fromText);
    const to = parseDmy(this.toText);
    if (!from || !to || from > to) {
      this.error = t('reports.badDate');
      return;
    }
    const body = requestOf(from, to, this.plan ?? [], this.basis);
    if ('badHours' in body) {
      this.error = t('whatIf.badHours', { number: body.badHours });
      return;
    }
    this.running = true;
    this.error = '';
    try {
      this.result = await api<WhatIfResult>('/api/reports/what-if', { method: 'POST', body });
      // The answer is below the counters: bring it into view.
      await this.updateComplete;
      this.renderRoot.querySelector('qm-what-if-result')?.scrollIntoView({ block: 'start' });
    } catch (err) {
      this.result = null;
      this.error = err instanceof ApiError ? err.message : String(err);
    } finally {
      this.running = false;
    }
  }

  override render() {
    const today = this.today() ?? '';
    return html`<p class="noprint"><a href="#/reports">${t('whatIf.backToReports')}</a></p>
      <h1>${t('whatIf.title')}</h1>
      <p class="muted intro">${t('whatIf.intro')}</p>
      <form @submit=${this.run}>
        <div class="bar">
          <label>${t('reports.from')} <input name="from" inputmode="numeric" placeholder="dd/mm/yyyy" .value=${this.fromText} @input=${(e: Event) => (this.fromText = (e.target as HTMLInputElement).value)} /></label>
          <label>${t('reports.to')} <input name="to" inputmode="numeric" placeholder="dd/mm/yyyy" .value=${this.toText} @input=${(e: Event) => (this.toText = (e.target as HTMLInputElement).value)} /></label>
          <button type="button" ?disabled=${!today} @click=${() => this.setRange(addDays(today, -1), addDays(today, -1))}>${t('whatIf.yesterday')}</button>
          <button type="button" ?disabled=${!today} @click=${() => this.setRange(addDays(today, -7), addDays(today, -1))}>${t('whatIf.lastWeek')}</button>
          <label
            >${t('whatIf.basis.label')}
            <select name="basis" @change=${(e: Event) => (this.basis = (e.target as HTMLSelectElement).value as WhatIfBasis)}>
              ${(['logged', 'typical'] as const).map((b) => html`<option value=${b} ?selected=${this.basis === b}>${t(`whatIf.basis.${b}`)}</option>`)}
            </select></label
          >
          <span class="spacer"></span>
          <button type="button" @click=${() => (this.plan = planFrom(this.view?.counters ?? []))}>${t('whatIf.reset')}</button>
          <button class="primary" data-testid="what-if-run" ?disabled=${this.running || !this.plan}>${this.running ? t('whatIf.running') : t('whatIf.run')}</button>
        </div>
        ${this.error ? html`<p class="toast error" role="alert">${this.error}</p>` : null}
        <h2>${t('whatIf.counters')}</h2>
        <div class="counters">
          ${(this.plan ?? []).map((c) => this.renderCounter(c))}
          <button type="button" class="add" data-testid="what-if-add" @click=${() => (this.plan = addCounter(this.plan ?? []))}>${t('whatIf.add')}</button>
        </div>
      </form>
      ${this.result ? html`<qm-what-if-result .result=${this.result} .services=${this.view?.services ?? []}></qm-what-if-result>` : null}`;
  }

  private renderCounter(c: PlannedCounter) {
    const closed = c.mode === 'closed';
    return html`<fieldset class="card counter ${closed ? 'closed' : ''}" data-testid="what-if-counter-${c.number}">
      <legend title=${c.name ?? ''}>
        <strong>${c.name ?? t('whatIf.counter', { number: c.number })}</strong>
        ${c.name ? null : html`<span class="badge">${t('whatIf.newCounter')}</span>`}
      </legend>
      <label class="mode"
        >${t('whatIf.open')}
        <select @change=${(e: Event) => this.edit(c.number, (x) => ({ ...x, mode: (e.target as HTMLSelectElement).value as OpenMode }))}>
          ${MODES.map((m) => html`<option value=${m} ?selected=${c.mode === m}>${t(`whatIf.mode.${m}`)}</option>`)}
        </select>
      </label>
      ${c.mode === 'hours'
        ? html`<label class="hours"
            >${t('whatIf.hours')}
            <input .value=${c.hoursText} @input=${(e: Event) => this.edit(c.number, (x) => ({ ...x, hoursText: (e.target as HTMLInputElement).value }))}
          /></label>`
        : null}
      <div class="services" role="group" aria-label=${t('whatIf.services')}>
        ${this.services().map(
          (s) => html`<label class="check"
            ><input
              type="checkbox"
              value=${s.id}
              ?disabled=${closed}
              .checked=${c.serviceIds.includes(s.id)}
              @change=${(e: Event) => this.edit(c.number, (x) => toggleService(x, s.id, (e.target as HTMLInputElement).checked))}
            />${s.name}</label
          >`,
        )}
      </div>
      ${c.serviceIds.length === 0 && !closed ? html`<p class="muted small">${t('whatIf.noService')}</p>` : null}
      <button type="button" class="danger remove" @click=${() => (this.plan = this.plan!.filter((x) => x.number !== c.number))}>${t('whatIf.remove')}</button>
    </fieldset>`;
  }
}
