/**
 * qm-procedure-search — find a procedure by typing (on-screen keyboard or a real one)
 * or by browsing its field. Ranking is the server's; matches are highlighted here
 * with the same folding (case, diacritics, đ = d).
 *
 * @property api  the kiosk's REST client
 * @property locale 'vi' | 'en'
 * @fires qm-procedure-selected {procedureId}
 * @fires qm-navigate {to: 'home'}
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ProcedureSummary } from '../../protocol/procedure';
import { findMatchRanges } from '../../protocol/text';
import type { KioskApi } from '../lib/api';
import { emit } from '../lib/events';
import { icon } from '../lib/icons';
import { applyKey, type KeyAction, type Tone } from '../lib/keyboard';
import { t, type Lang } from '../lib/i18n';
import { base, fillColumn } from './shared-styles';

interface Field {
  field: string;
  count: number;
}

const DEBOUNCE_MS = 180;

export function toKeyAction(key: string): KeyAction {
  if (key === 'space' || key === 'backspace' || key === 'clear') return { type: key };
  if (key.startsWith('tone:')) return { type: 'tone', tone: key.slice(5) as Tone };
  return { type: 'char', char: key };
}

export class QmProcedureSearch extends LitElement {
  @property({ attribute: false }) api: KioskApi | null = null;
  @property() locale: Lang = 'vi';

  @state() private query = '';
  @state() private field: string | null = null;
  @state() private results: ProcedureSummary[] = [];
  @state() private total = 0;
  @state() private fields: Field[] = [];
  @state() private failed = false;
  /** The query the shown results answer; they may lag the typed text by one debounce. */
  @state() private resultsFor = '';

  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers can arrive out of order; only the newest request may fill the list. */
  private generation = 0;

  static override styles = [
    base,
    fillColumn,
    css`
      :host([hidden]) {
        display: none;
      }
      .layout {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      .entry {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .bar {
        display: flex;
        gap: 16px;
        align-items: center;
      }
      h2 {
        margin: 0;
        font-size: calc(40px * var(--_kb));
      }
      label {
        font-size: calc(26px * var(--_k));
        color: var(--_muted);
      }
      input {
        width: 100%;
        font: inherit;
        font-size: calc(42px * var(--_kb));
        padding: 14px 20px;
        border: 4px solid var(--_primary);
        border-radius: var(--_radius);
        min-height: 84px;
        color: var(--_ink);
      }
      input:focus {
        outline: 6px solid #ffb000;
      }
      .list {
        flex: 1;
        min-height: 200px;
        overflow-y: auto;
        overscroll-behavior: contain;
        -webkit-overflow-scrolling: touch;
      }
      .count {
        font-size: calc(26px * var(--_k));
        color: var(--_muted);
        margin: 0 0 12px;
      }
      ul {
        gap: 12px;
      }
      .result {
        width: 100%;
        text-align: left;
        padding: 16px 24px;
        background: var(--_paper);
        border: 3px solid var(--_line);
        display: grid;
        gap: 6px;
      }
      .result .name {
        font-size: calc(32px * var(--_k));
        font-weight: 700;
        line-height: 1.25;
      }
      .result .meta {
        font-size: calc(26px * var(--_k));
        color: var(--_muted);
      }
      mark {
        background: #ffe27a;
        color: inherit;
        border-radius: 4px;
      }
      .fields {
        display: grid;
        gap: 12px;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      }
      .fields button {
        padding: 16px 20px;
        font-size: calc(28px * var(--_k));
        font-weight: 700;
        background: var(--_lookup);
        color: #fff;
        text-align: left;
        display: flex;
        justify-content: space-between;
        gap: 12px;
      }
      .fields .n {
        font-weight: 400;
        font-size: calc(26px * var(--_k));
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 12px;
        font-size: calc(26px * var(--_k));
        padding: 8px 24px;
        background: var(--_lookup);
        color: #fff;
      }
      .note {
        font-size: calc(28px * var(--_k));
        padding: 16px;
      }
      @container kiosk (min-width: 1400px) {
        .layout {
          flex-direction: row;
        }
        .entry {
          flex: 0 0 980px;
          justify-content: flex-end;
        }
        .list {
          flex: 1;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadFields();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async loadFields() {
    try {
      this.fields = (await this.api?.get<Field[]>('/api/procedures/fields')) ?? [];
    } catch {
      this.fields = [];
    }
  }

  private schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), delay);
  }

  private async search() {
    if (!this.api) return;
    const mine = ++this.generation;
    const query = this.query.trim();
    // An empty query with no field shows the fields to browse, not a list.
    if (!query && !this.field) return;
    const params = new URLSearchParams({ limit: '40' });
    if (query) params.set('q', query);
    if (this.field) params.set('field', this.field);
    try {
      const { data, headers } = await this.api.request<ProcedureSummary[]>(`/api/procedures?${params}`);
      if (mine !== this.generation) return;
      this.results = data;
      this.resultsFor = query;
      this.total = Number(headers.get('x-total-count') ?? data.length);
      this.failed = false;
      if (this.fields.length === 0) void this.loadFields();
    } catch {
      if (mine !== this.generation) return;
      this.failed = true;
      this.schedule(3000);
    }
  }

  private onKey(e: CustomEvent<{ key: string }>) {
    this.query = applyKey(this.query, toKeyAction(e.detail.key));
    this.schedule();
  }

  private onInput(e: Event) {
    this.query = (e.target as HTMLInputElement).value.normalize('NFC');
    this.schedule();
  }

  private chooseField(field: string | null) {
    this.field = field;
    this.schedule(0);
  }

  override render() {
    const browsing = !this.query.trim() && !this.field;
    return html`<div class="bar">
        <button class="btn secondary" @click=${() => emit(this, 'qm-navigate', { to: 'home' })}>${icon('back', 40)}${t(this.locale, 'back')}</button>
        <h2>${t(this.locale, 'searchTitle')}</h2>
      </div>
      <div class="layout">
        <div class="entry">
          <label for="q">${t(this.locale, 'searchLabel')} · ${t(this.locale, 'searchHint')}</label>
          <input
            id="q"
            type="search"
            inputmode="none"
            autocomplete="off"
            spellcheck="false"
            .value=${this.query}
            placeholder=${t(this.locale, 'searchPlaceholder')}
            @input=${this.onInput}
          />
          <qm-onscreen-keyboard .locale=${this.locale} @qm-key-pressed=${this.onKey}></qm-onscreen-keyboard>
        </div>
        <div class="list" role="region" aria-label=${t(this.locale, 'results', { n: this.total })}>
          ${this.failed ? html`<p class="note" role="alert">${t(this.locale, 'loadFailed')}</p>` : null}
          ${this.field
            ? html`<p><button class="chip" @click=${() => this.chooseField(null)}>${this.field} ✕</button></p>`
            : null}
          ${browsing ? this.renderFields() : this.renderResults()}
        </div>
      </div>`;
  }

  private renderFields() {
    return html`<p class="count">${t(this.locale, 'browseByField')}</p>
      <div class="fields">
        ${this.fields.map(
          (f) => html`<button @click=${() => this.chooseField(f.field)}><span>${f.field}</span><span class="n">${t(this.locale, 'procedures', { n: f.count })}</span></button>`,
        )}
      </div>`;
  }

  private renderResults() {
    return html`<p class="count" aria-live="polite">${this.results.length ? t(this.locale, 'results', { n: this.total }) : t(this.locale, 'noResults')}</p>
      <ul role="list" data-testid="results" data-for=${this.resultsFor}>
        ${this.results.map(
          (r) => html`<li>
            <button class="result" data-procedure=${r.id} @click=${() => emit(this, 'qm-procedure-selected', { procedureId: r.id })}>
              <span class="name">${highlight(r.name, this.query)}</span>
              <span class="meta">${r.field} · ${r.code}</span>
            </button>
          </li>`,
        )}
      </ul>`;
  }
}

/** The name with the query's words wrapped in <mark>, folding like the server. */
function highlight(text: string, query: string) {
  const ranges = findMatchRanges(text, query);
  if (ranges.length === 0) return text;
  const out: unknown[] = [];
  let at = 0;
  for (const r of ranges) {
    out.push(text.slice(at, r.start), html`<mark>${text.slice(r.start, r.end)}</mark>`);
    at = r.end;
  }
  out.push(text.slice(at));
  return out;
}
