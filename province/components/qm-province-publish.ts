/**
 * `<qm-province-publish>`: what the province sends down to its centers (POST /api/hub/downlink): a notice line,
 * a list of public holidays (days checked here as dd/mm/yyyy), a procedure catalog or service templates from an
 * uploaded JSON or CSV file — to every center or one. A refusal shows the hub's own message. Below, what was published
 * (GET /api/hub/downlink/items) with, per center, whether it reported the item applied or refused, has fetched it, or
 * not yet.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { theme } from '../../console/components/theme';
import { parseDmy } from '../../console/lib/format';
import { api, ApiError } from '../lib/api';
import { number } from '../lib/format';
import { t, type MessageKey } from '../lib/i18n';
import type { CenterItem } from '../lib/province-live';
import { adminStyles } from './admin.styles';
import { fullTime } from './qm-province-admin';

type Kind = 'procedure-catalog' | 'service-templates' | 'holidays' | 'notice-line';
type Form = 'notice' | 'holidays' | 'file';

interface PublishedItem {
  version: number;
  kind: Kind;
  publishedAt: number;
  centerId: string | null;
  text: string | null;
  count: number | null;
  centers: { centerId: string; code: string; name: string; state: 'applied' | 'refused' | 'fetched' | 'waiting'; at: number | null }[];
}

interface Holiday {
  date: string;
  name: string;
}

export class QmProvincePublish extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .intro {
        margin: 0 0 1rem;
      }
      .forms {
        display: grid;
        grid-template-columns: 1fr 1.25fr 1fr;
        gap: 1.25rem;
        align-items: start;
        margin-bottom: 1.25rem;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 0.8rem;
      }
      form h2 {
        margin: 0;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        font-weight: 600;
      }
      label input,
      label select,
      label textarea {
        font-weight: 400;
        width: 100%;
      }
      textarea {
        resize: vertical;
        min-height: 4.5rem;
      }
      .count {
        font-weight: 400;
        font-size: 0.85rem;
        color: var(--qm-grey);
        align-self: flex-end;
      }
      .hint {
        font-size: 0.88rem;
        color: var(--qm-grey);
        margin: 0;
        line-height: 1.45;
      }
      .days {
        display: grid;
        grid-template-columns: 9.5rem 1fr auto;
        gap: 0.45rem 0.5rem;
        align-items: center;
      }
      .days .head {
        font-weight: 600;
        font-size: 0.9rem;
        color: #3c4043;
      }
      .days input {
        width: 100%;
      }
      .days button {
        min-height: 38px;
        padding: 0.3rem 0.7rem;
      }
      .row-buttons {
        display: flex;
        justify-content: space-between;
        gap: 0.6rem;
      }
      /* A published item's text and its list of centers are read from the top of the row. */
      td {
        vertical-align: top;
      }
      td.content {
        max-width: 36rem;
        overflow-wrap: anywhere;
      }
      details summary {
        cursor: pointer;
        color: var(--qm-blue-dark);
        font-weight: 600;
        margin-top: 0.25rem;
      }
      details ul {
        margin: 0.4rem 0 0;
        padding: 0;
        list-style: none;
        columns: 2;
        column-gap: 1.5rem;
      }
      details li {
        padding: 0.1rem 0;
        break-inside: avoid;
      }
      .progress {
        font-weight: 600;
      }
      .toast {
        margin: 0;
      }
      .file {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
      }
      .file-label {
        font-weight: 600;
      }
      .file-row {
        display: flex;
        align-items: center;
        gap: 0.75rem;
      }
      .file-row button {
        flex: none;
        white-space: nowrap;
      }
      .file-row span {
        overflow-wrap: anywhere;
      }
      .nowrap {
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) centers: CenterItem[] = [];
  /** The page's language: a change re-renders the words. */
  @property() language = 'vi';
  @state() private items: PublishedItem[] | null = null;
  @state() private listError = '';
  @state() private busy: Form | null = null;
  @state() private errors: Partial<Record<Form, string>> = {};
  @state() private done: Partial<Record<Form, string>> = {};
  @state() private noticeLength = 0;
  @state() private holidays: Holiday[] = [{ date: '', name: '' }];
  @state() private fileKind: 'procedure-catalog' | 'service-templates' = 'procedure-catalog';
  @state() private fileData: { name: string; data: unknown; count: number | null; csv: boolean } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.items = (await api<{ items: PublishedItem[] }>('/api/hub/downlink/items')).items;
      this.listError = '';
    } catch (err) {
      this.listError = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    return html`
      <p class="intro muted">${t('admin.publish.caption')}</p>
      <div class="forms">${this.noticeForm()} ${this.holidaysForm()} ${this.fileForm()}</div>
      ${this.publishedTable()}
    `;
  }

  private target(form: Form) {
    const sorted = [...this.centers].sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
    return html`<label
      >${t('admin.publish.target')}
      <select name="centerId" data-testid="${form}-target">
        <option value="">${t('admin.publish.all')}</option>
        ${sorted.map((c) => html`<option value=${c.id}>${c.code} – ${c.name}</option>`)}
      </select>
    </label>`;
  }

  private outcome(form: Form) {
    return html`${this.errors[form] ? html`<p class="toast error" role="alert" data-testid="${form}-error">${this.errors[form]}</p>` : nothing}
    ${this.done[form] ? html`<p class="toast" role="status" data-testid="${form}-done">${this.done[form]}</p>` : nothing}`;
  }

  private noticeForm() {
    return html`<form class="card" @submit=${this.publishNotice} aria-labelledby="notice-title" novalidate>
      <h2 id="notice-title">${t('admin.notice.title')}</h2>
      <label
        >${t('admin.notice.text')}
        <textarea name="text" rows="3" maxlength="500" data-testid="notice-text" @input=${(e: Event) => (this.noticeLength = (e.target as HTMLTextAreaElement).value.length)}></textarea>
        <span class="count">${t('admin.notice.count', { n: this.noticeLength })}</span>
      </label>
      <label>${t('admin.notice.textEn')} <textarea name="textEn" rows="2" maxlength="500" lang="en"></textarea></label>
      ${this.target('notice')} ${this.outcome('notice')}
      <button class="primary" ?disabled=${this.busy === 'notice'}>${t('admin.notice.submit')}</button>
    </form>`;
  }

  private holidaysForm() {
    const set = (i: number, key: keyof Holiday, value: string) => (this.holidays = this.holidays.map((h, j) => (j === i ? { ...h, [key]: value } : h)));
    return html`<form class="card" @submit=${this.publishHolidays} aria-labelledby="holidays-title" novalidate>
      <h2 id="holidays-title">${t('admin.holidays.title')}</h2>
      <div class="days" data-testid="holidays">
        <span class="head" aria-hidden="true">${t('admin.holidays.date')}</span>
        <span class="head" aria-hidden="true">${t('admin.holidays.name')}</span>
        <span></span>
        ${this.holidays.map(
          (h, i) => html`<input
              .value=${h.date}
              placeholder="dd/mm/yyyy"
              inputmode="numeric"
              aria-label=${t('admin.holidays.dateRow', { n: i + 1 })}
              data-testid="holiday-date"
              @input=${(e: Event) => set(i, 'date', (e.target as HTMLInputElement).value)}
            />
            <input .value=${h.name} maxlength="200" aria-label=${t('admin.holidays.nameRow', { n: i + 1 })} data-testid="holiday-name" @input=${(e: Event) => set(i, 'name', (e.target as HTMLInputElement).value)} />
            <button type="button" aria-label=${t('admin.holidays.remove', { n: i + 1 })} ?disabled=${this.holidays.length === 1} @click=${() => (this.holidays = this.holidays.filter((_, j) => j !== i))}>✕</button>`,
        )}
      </div>
      <div class="row-buttons">
        <button type="button" data-testid="holiday-add" @click=${() => (this.holidays = [...this.holidays, { date: '', name: '' }])}>${t('admin.holidays.add')}</button>
      </div>
      ${this.target('holidays')} ${this.outcome('holidays')}
      <button class="primary" ?disabled=${this.busy === 'holidays'}>${t('admin.holidays.submit')}</button>
    </form>`;
  }

  private fileForm() {
    return html`<form class="card" @submit=${this.publishFile} aria-labelledby="file-title" novalidate>
      <h2 id="file-title">${t('admin.file.title')}</h2>
      <label
        >${t('admin.file.kind')}
        <select name="kind" data-testid="file-kind" @change=${(e: Event) => (this.fileKind = (e.target as HTMLSelectElement).value as typeof this.fileKind)}>
          <option value="procedure-catalog" ?selected=${this.fileKind === 'procedure-catalog'}>${t('kind.procedure-catalog')}</option>
          <option value="service-templates" ?selected=${this.fileKind === 'service-templates'}>${t('kind.service-templates')}</option>
        </select>
      </label>
      <div class="file">
        <span class="file-label" id="file-label">${t('admin.file.file')}</span>
        <!-- The browser's own file button speaks the browser's language, not the page's: a button of ours opens it. -->
        <input type="file" name="file" accept=".json,.csv,application/json,text/csv" data-testid="file-input" hidden @change=${this.readFile} />
        <div class="file-row">
          <button type="button" aria-describedby="file-label file-name file-hint" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${t('admin.file.choose')}</button>
          <span id="file-name" data-testid="file-chosen">${this.chosenText()}</span>
        </div>
      </div>
      <p class="hint" id="file-hint">${t('admin.file.hint')}</p>
      ${this.target('file')} ${this.outcome('file')}
      <button class="primary" ?disabled=${this.busy === 'file'}>${t('admin.file.submit')}</button>
    </form>`;
  }

  private publishedTable() {
    const centerName = (id: string | null) => {
      if (id === null) return t('admin.publish.all');
      const c = this.centers.find((x) => x.id === id);
      return c ? `${c.code} – ${c.name}` : id;
    };
    return html`<section class="card table" aria-labelledby="published-title">
      <h2 id="published-title">${t('admin.published.title')}</h2>
      <p class="muted">${t('admin.published.caption')}</p>
      ${this.listError ? html`<p class="toast error" role="alert">${this.listError}</p>` : nothing}
      <table aria-labelledby="published-title" data-testid="published">
        <thead>
          <tr>
            <th scope="col" class="num nowrap">${t('admin.published.version')}</th>
            <th scope="col" class="nowrap">${t('admin.published.kind')}</th>
            <th scope="col">${t('admin.published.content')}</th>
            <th scope="col">${t('admin.published.target')}</th>
            <th scope="col" class="nowrap">${t('admin.published.at')}</th>
            <th scope="col">${t('admin.published.progress')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.items && this.items.length === 0 ? html`<tr><td colspan="6" class="muted">${t('admin.published.empty')}</td></tr>` : nothing}
          ${repeat(this.items ?? [], (it) => it.version, (it) => {
            const applied = it.centers.filter((c) => c.state === 'applied').length;
            const refused = it.centers.filter((c) => c.state === 'refused').length;
            return html`<tr data-version=${it.version}>
              <td class="num">${it.version}</td>
              <td class="nowrap">${t(`kind.${it.kind}` as MessageKey)}</td>
              <td class="content" data-testid="published-content">${it.text ?? (it.count !== null ? t('admin.published.entries', { n: number(it.count) }) : '–')}</td>
              <td>${centerName(it.centerId)}</td>
              <td class="nowrap">${fullTime(it.publishedAt)}</td>
              <td>
                ${it.centers.length === 0
                  ? html`<span class="muted">${t('admin.published.noCenters')}</span>`
                  : html`<span class="progress" data-testid="published-progress">${t('admin.published.applied', { a: applied, b: it.centers.length })}</span>${refused > 0 ? html`, <span class="error">${t('admin.published.refused', { n: refused })}</span>` : nothing}
                      <details>
                        <summary>${t('admin.published.details')}</summary>
                        <ul>
                          ${it.centers.map(
                            (c) => html`<li data-center=${c.code}>
                              <span class="badge ${c.state === 'applied' ? 'ok' : c.state === 'refused' ? 'bad' : ''}">${t(`admin.center.${c.state}`)}</span> ${c.code} – ${c.name}
                            </li>`,
                          )}
                        </ul>
                      </details>`}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private async send(form: Form, kind: Kind, data: unknown, centerId: string): Promise<boolean> {
    this.busy = form;
    this.errors = { ...this.errors, [form]: '' };
    this.done = { ...this.done, [form]: '' };
    try {
      const r = await api<{ version: number }>('/api/hub/downlink', { method: 'POST', body: { kind, data, ...(centerId ? { centerId } : {}) } });
      this.done = { ...this.done, [form]: t('admin.publish.done', { version: r.version }) };
      await this.load();
      return true;
    } catch (err) {
      this.errors = { ...this.errors, [form]: err instanceof ApiError ? err.message : String(err) };
      return false;
    } finally {
      this.busy = null;
    }
  }

  private fail(form: Form, message: string) {
    this.errors = { ...this.errors, [form]: message };
    this.done = { ...this.done, [form]: '' };
  }

  private async publishNotice(e: SubmitEvent) {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const data = new FormData(el);
    const text = String(data.get('text') ?? '').trim();
    const textEn = String(data.get('textEn') ?? '').trim();
    if (!text) return this.fail('notice', t('admin.notice.required'));
    if (text.length > 500 || textEn.length > 500) return this.fail('notice', t('admin.notice.tooLong'));
    const ok = await this.send('notice', 'notice-line', { noticeLine: text, ...(textEn ? { noticeLineEn: textEn } : {}) }, String(data.get('centerId') ?? ''));
    if (ok) {
      el.reset();
      this.noticeLength = 0;
    }
  }

  private async publishHolidays(e: SubmitEvent) {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const rows = this.holidays.filter((h) => h.date.trim() || h.name.trim());
    if (rows.length === 0) return this.fail('holidays', t('admin.holidays.empty'));
    const out: { date: string; name: string }[] = [];
    for (const [i, h] of this.holidays.entries()) {
      if (!h.date.trim() && !h.name.trim()) continue;
      const day = parseDmy(h.date);
      if (!day) return this.fail('holidays', t('admin.holidays.badDate', { n: i + 1 }));
      if (!h.name.trim()) return this.fail('holidays', t('admin.holidays.noName', { n: i + 1 }));
      if (out.some((x) => x.date === day)) return this.fail('holidays', t('admin.holidays.duplicate', { n: i + 1, day: h.date.trim() }));
      out.push({ date: day, name: h.name.trim() });
    }
    const ok = await this.send('holidays', 'holidays', { holidays: out }, String(new FormData(el).get('centerId') ?? ''));
    if (ok) this.holidays = [{ date: '', name: '' }];
  }

  private chosenText(): string {
    const f = this.fileData;
    if (!f) return t('admin.file.noneChosen');
    return f.csv ? t('admin.file.chosenCsv', { name: f.name }) : t('admin.file.chosen', { name: f.name, n: f.count ?? '?' });
  }

  private async readFile(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    this.fileData = null;
    this.errors = { ...this.errors, file: '' };
    this.done = { ...this.done, file: '' };
    if (!file) return;
    const text = await file.text();
    // A catalog may come as the CSV table a center exports (Excel); each center reads it with its own import.
    if (/\.csv$/i.test(file.name) || file.type === 'text/csv') {
      this.fileData = { name: file.name, data: { format: 'csv', content: text }, count: null, csv: true };
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return this.fail('file', t('admin.file.badJson', { error: (err as Error).message }));
    }
    const list = Array.isArray(data) ? data : ((data as Record<string, unknown> | null)?.procedures ?? (data as Record<string, unknown> | null)?.templates);
    this.fileData = { name: file.name, data, count: Array.isArray(list) ? list.length : null, csv: false };
  }

  private async publishFile(e: SubmitEvent) {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    if (!this.fileData) {
      if (!this.errors.file) this.fail('file', t('admin.file.none'));
      return;
    }
    if (this.fileData.csv && this.fileKind !== 'procedure-catalog') return this.fail('file', t('admin.file.csvTemplates'));
    const ok = await this.send('file', this.fileKind, this.fileData.data, String(new FormData(el).get('centerId') ?? ''));
    if (ok) {
      el.reset();
      this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.value = '';
      this.fileData = null;
      this.fileKind = 'procedure-catalog';
    }
  }
}
