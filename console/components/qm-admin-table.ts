/**
 * `<qm-admin-table>`: list + edit form for one kind of configuration record
 * (services, counters, priority categories), described by field specs. Saves
 * through the admin API and shows its translated refusal as is.
 *
 * @property items - records to list
 * @property fields - form fields
 * @property columns - list columns
 * @property endpoint - e.g. '/api/admin/services' (POST to create, PUT /:id to edit, DELETE /:id)
 * @property blank - values of a new record
 * @property deletable - offer Delete
 * @property reload - called after a successful change
 */
import { LitElement, css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminWarning } from '../../protocol/warnings';
import { api, ApiError } from '../lib/api';
import { formatHours, parseHours } from '../lib/hours';
import { t } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n.vi';
import { adminFields, theme } from './theme';

type Rec = Record<string, unknown> & { id: string };

export interface FieldSpec {
  key: string;
  label: MessageKey;
  type: 'text' | 'number' | 'optionalNumber' | 'bool' | 'select' | 'ordered' | 'hours' | 'textarea';
  /** select: the choices; ordered: the items that may be picked, in a default order. */
  options?: { value: string; label: string }[];
  /** select whose empty value means null */
  nullable?: boolean;
}

export interface ColumnSpec {
  label: MessageKey;
  render: (item: Rec) => unknown;
  num?: boolean;
}

export class QmAdminTable extends LitElement {
  static override styles = [
    theme,
    adminFields,
    css`
      .toolbar {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
        align-items: center;
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: 0.75rem 1rem;
        margin-bottom: 1rem;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .ordered {
        display: grid;
        gap: 0.25rem;
      }
      .ordered div {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        font-weight: normal;
      }
      .ordered button {
        min-height: 28px;
        padding: 0 0.5rem;
      }
      .formactions {
        grid-column: 1 / -1;
        display: flex;
        gap: 0.5rem;
      }
      .warn {
        margin-bottom: 0.75rem;
        padding: 0.6rem 0.9rem;
        border-radius: 8px;
        background: #fff4d6;
        color: #5c3d00;
      }
      .warn ul {
        margin: 0.3rem 0 0;
        padding-left: 1.2rem;
      }
      tr.off td {
        color: var(--qm-grey);
      }
    `,
  ];

  @property({ attribute: false }) items: Rec[] = [];
  @property({ attribute: false }) fields: FieldSpec[] = [];
  @property({ attribute: false }) columns: ColumnSpec[] = [];
  @property() endpoint = '';
  @property({ attribute: false }) blank: Record<string, unknown> = {};
  @property({ type: Boolean }) deletable = false;
  @property({ attribute: false }) reload: () => Promise<void> = async () => {};
  @state() private editing: Rec | 'new' | null = null;
  /** Working copy of the ordered lists (counter services), edited with up/down buttons. */
  @state() private ordered: Record<string, string[]> = {};
  @state() private message: { text: string; error: boolean } | null = null;
  /** What the server said to check about the record just saved (e.g. a prefix that sounds like another). */
  @state() private warnings: AdminWarning[] = [];

  override render() {
    return html`<div class="toolbar">
        <button class="primary" @click=${() => this.edit('new')}>${t('admin.add')}</button>
        <span role="status" aria-live="polite">${this.message ? html`<span class="toast ${this.message.error ? 'error' : ''}">${this.message.text}</span>` : null}</span>
      </div>
      ${this.warnings.length > 0
        ? html`<div class="warn" role="alert" data-testid="admin-warnings">
            <strong>${t('admin.warnings')}</strong>
            <ul>
              ${this.warnings.map((w) => html`<li data-code=${w.code}>${w.message}</li>`)}
            </ul>
          </div>`
        : null}
      ${this.editing ? this.renderForm() : null}
      <table class="card">
        <thead>
          <tr>
            ${this.columns.map((c) => html`<th class=${c.num ? 'num' : ''}>${t(c.label)}</th>`)}
            <td></td>
          </tr>
        </thead>
        <tbody>
          ${this.items.map(
            (item) => html`<tr class=${item.active === false ? 'off' : ''} data-id=${item.id}>
              ${this.columns.map((c) => html`<td class=${c.num ? 'num' : ''}>${c.render(item)}</td>`)}
              <td>
                <button @click=${() => this.edit(item)}>${t('admin.edit')}</button>
                ${this.deletable ? html`<button class="danger" @click=${() => this.removeItem(item)}>${t('admin.delete')}</button>` : null}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private edit(item: Rec | 'new') {
    this.editing = item;
    this.message = null;
    this.warnings = [];
    const values = item === 'new' ? this.blank : item;
    this.ordered = Object.fromEntries(this.fields.filter((f) => f.type === 'ordered').map((f) => [f.key, [...((values[f.key] as string[]) ?? [])]]));
  }

  private renderForm() {
    const values = this.editing === 'new' ? this.blank : (this.editing as Rec);
    return html`<form class="card" @submit=${this.save}>
      ${this.fields.map((f) => this.renderField(f, values[f.key]))}
      <div class="formactions">
        <button class="primary">${t('admin.save')}</button>
        <button type="button" @click=${() => (this.editing = null)}>${t('dialog.cancel')}</button>
      </div>
    </form>`;
  }

  private renderField(f: FieldSpec, value: unknown): TemplateResult {
    switch (f.type) {
      case 'bool':
        return html`<label class="check"><input type="checkbox" name=${f.key} ?checked=${value === true} /> ${t(f.label)}</label>`;
      case 'select':
        return html`<label
          >${t(f.label)}
          <select name=${f.key}>
            ${f.nullable ? html`<option value="" ?selected=${value === null}>${t('field.anyStaff')}</option>` : null}
            ${f.options!.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
          </select></label
        >`;
      case 'textarea':
      case 'hours':
        return html`<label class="wide"
          >${t(f.label)}<textarea name=${f.key} rows="3">${f.type === 'hours' ? formatHours(value as never) : String(value ?? '')}</textarea></label
        >`;
      case 'ordered': {
        const chosen = this.ordered[f.key] ?? [];
        const label = (v: string) => f.options!.find((o) => o.value === v)?.label ?? v;
        const move = (i: number, d: number) => {
          const next = [...chosen];
          [next[i], next[i + d]] = [next[i + d], next[i]];
          this.ordered = { ...this.ordered, [f.key]: next };
        };
        const toggle = (v: string, on: boolean) => (this.ordered = { ...this.ordered, [f.key]: on ? [...chosen, v] : chosen.filter((x) => x !== v) });
        return html`<fieldset class="wide ordered">
          <legend>${t(f.label)}</legend>
          ${chosen.map(
            (v, i) => html`<div>
              <input type="checkbox" checked @change=${() => toggle(v, false)} aria-label=${label(v)} /> ${i + 1}. ${label(v)}
              <button type="button" ?disabled=${i === 0} @click=${() => move(i, -1)} aria-label="↑">↑</button>
              <button type="button" ?disabled=${i === chosen.length - 1} @click=${() => move(i, 1)} aria-label="↓">↓</button>
            </div>`,
          )}
          ${f.options!.filter((o) => !chosen.includes(o.value)).map((o) => html`<div><input type="checkbox" @change=${() => toggle(o.value, true)} aria-label=${o.label} /> ${o.label}</div>`)}
        </fieldset>`;
      }
      default:
        return html`<label
          >${t(f.label)}<input name=${f.key} type=${f.type === 'text' ? 'text' : 'number'} .value=${value === null || value === undefined ? '' : String(value)}
        /></label>`;
    }
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const body: Record<string, unknown> = {};
    for (const f of this.fields) {
      const raw = String(data.get(f.key) ?? '').trim();
      if (f.type === 'bool') body[f.key] = data.get(f.key) === 'on';
      else if (f.type === 'number') body[f.key] = raw === '' ? NaN : Number(raw);
      else if (f.type === 'optionalNumber') body[f.key] = raw === '' ? null : Number(raw);
      else if (f.type === 'select') body[f.key] = f.nullable && raw === '' ? null : raw;
      else if (f.type === 'ordered') body[f.key] = this.ordered[f.key] ?? [];
      else if (f.type === 'hours') {
        const parsed = parseHours(raw);
        if ('badLine' in parsed) {
          this.message = { text: `${t(f.label)}: “${parsed.badLine}”`, error: true };
          return;
        }
        body[f.key] = parsed.ok;
      } else body[f.key] = raw;
    }
    const isNew = this.editing === 'new';
    try {
      const saved = await api<{ warnings?: AdminWarning[] } | null>(isNew ? this.endpoint : `${this.endpoint}/${encodeURIComponent((this.editing as Rec).id)}`, { method: isNew ? 'POST' : 'PUT', body });
      this.editing = null;
      this.message = { text: t('admin.saved'), error: false };
      this.warnings = saved?.warnings ?? [];
      await this.reload();
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    }
  }

  private async removeItem(item: Rec) {
    if (!confirm(t('admin.confirmDelete', { name: String(item.name ?? item.id) }))) return;
    try {
      await api(`${this.endpoint}/${encodeURIComponent(item.id)}`, { method: 'DELETE' });
      this.message = { text: t('admin.deleted'), error: false };
      this.warnings = [];
      await this.reload();
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    }
  }
}
