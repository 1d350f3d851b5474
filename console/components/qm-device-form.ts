/**
 * `<qm-device-form>`: a device's settings, to approve a pairing code (with the code) or to edit
 * an approved device: name, kind, counter (counter kinds), printer (kiosks: a known printer or
 * a new one by its URL). Checks what it can before sending; the screen sends.
 *
 * @property device   the device being edited, or a pending one to prefill an approval; null for a blank approval
 * @property editing  edit `device` (no code) rather than approve a code
 * @property counters the center's counters
 * @property printers the printers a kiosk can be given
 * @fires qm-device-save {code, body} — valid settings (code is null when editing)
 * @fires qm-device-cancel — the admin gave up editing
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Counter } from '../../protocol/domain';
import { DEVICE_KINDS, DEVICE_KIND_LABELS, type DeviceAdminView, type DeviceKind, type DeviceSettingsBody } from '../../protocol/devices';
import { needsCounter } from '../../devices/lib/device-home';
import { normalizeCode, settingsBody, type PrinterChoice } from '../lib/devices';
import { currentLang, onLangChange, t } from '../lib/i18n';
import { adminFields, theme } from './theme';

export interface DeviceSave {
  code: string | null;
  body: DeviceSettingsBody;
}

/** "Quầy 2 – Chứng thực" as the center named it, with the number added when the name lacks it. */
function counterLabel(c: Counter): string {
  const number = t('devices.counterN', { number: c.number });
  if (!c.name) return number;
  return c.name.includes(String(c.number)) ? c.name : `${number} · ${c.name}`;
}

/** The printer select's value for "a new printer": never a printer id (ids have no spaces). */
const NEW_PRINTER = 'new printer';

export class QmDeviceForm extends LitElement {
  static override styles = [
    theme,
    adminFields,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      input,
      select {
        min-height: 42px;
      }
      input[name='code'] {
        width: 9rem;
        font-size: 1.1rem;
        font-weight: 700;
        letter-spacing: 0.1em;
        font-variant-numeric: tabular-nums;
      }
      input[name='name'] {
        width: 16rem;
      }
      input[name='printerUrl'] {
        width: 16rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      .problem {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) device: DeviceAdminView | null = null;
  @property({ type: Boolean }) editing = false;
  @property({ attribute: false }) counters: Counter[] = [];
  @property({ attribute: false }) printers: { id: string; url: string }[] = [];
  @state() private code = '';
  @state() private name = '';
  @state() private kind: DeviceKind = 'kiosk';
  @state() private counterId: string | null = null;
  @state() private printer: PrinterChoice = { kind: 'none' };
  @state() private problem = '';
  private offLang: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.offLang = onLangChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offLang?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('device') || (changed.has('printers') && changed.get('printers')?.length === 0)) this.fill(this.device);
  }

  /** Starts from `device` (a pending request's wishes, or an active device's settings), or blank. */
  fill(device: DeviceAdminView | null): void {
    // Written as the device shows it ("123 456"), so the admin compares the two at a glance.
    this.code = device?.code ? `${device.code.slice(0, 3)} ${device.code.slice(3)}` : '';
    this.name = device?.name ?? '';
    this.kind = device?.kind ?? 'kiosk';
    this.counterId = device?.counterId ?? this.counters.find((c) => c.number === device?.counterNumber)?.id ?? null;
    // A kiosk being approved prints on the main printer unless the admin picks another; an approved one keeps its own choice.
    const main = this.printers.some((p) => p.id === 'main') ? 'main' : null;
    this.printer = device?.printerId ? { kind: 'existing', id: device.printerId } : device?.status !== 'active' && main ? { kind: 'existing', id: main } : { kind: 'none' };
    this.problem = '';
  }

  override render() {
    const lang = currentLang();
    const printerValue = this.printer.kind === 'existing' ? this.printer.id : this.printer.kind === 'new' ? NEW_PRINTER : '';
    return html`<form @submit=${this.submit} novalidate>
      ${this.editing
        ? null
        : html`<label
            >${t('devices.code')}<input
              name="code"
              inputmode="numeric"
              autocomplete="off"
              placeholder="123 456"
              .value=${this.code}
              @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
          /></label>`}
      <label
        >${t('devices.name')}<input
          name="name"
          autocomplete="off"
          placeholder=${t('devices.namePlaceholder')}
          .value=${this.name}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
      /></label>
      <label
        >${t('devices.kind')}<select name="kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as DeviceKind)}>
          ${DEVICE_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${DEVICE_KIND_LABELS[k][lang]}</option>`)}
        </select></label
      >
      ${needsCounter(this.kind)
        ? html`<label
            >${t('devices.counter')}<select name="counterId" @change=${(e: Event) => (this.counterId = (e.target as HTMLSelectElement).value || null)}>
              <option value="" ?selected=${this.counterId === null}>${t('devices.chooseCounter')}</option>
              ${this.counters.map((c) => html`<option value=${c.id} ?selected=${c.id === this.counterId}>${counterLabel(c)}</option>`)}
            </select></label
          >`
        : null}
      ${this.kind === 'kiosk'
        ? html`<label
              >${t('devices.printer')}<select name="printerId" @change=${this.pickPrinter}>
                <option value="" ?selected=${printerValue === ''}>${t('devices.noPrinter')}</option>
                ${this.printers.map((p) => html`<option value=${p.id} ?selected=${p.id === printerValue}>${p.id} · ${p.url}</option>`)}
                <option value=${NEW_PRINTER} ?selected=${printerValue === NEW_PRINTER}>${t('devices.newPrinter')}</option>
              </select></label
            >
            ${this.printer.kind === 'new'
              ? html`<label
                  >${t('devices.printerUrl')}<input
                    name="printerUrl"
                    autocomplete="off"
                    placeholder="tcp://10.0.0.9:9100"
                    .value=${this.printer.url}
                    @input=${(e: Event) => (this.printer = { kind: 'new', url: (e.target as HTMLInputElement).value })}
                /></label>`
              : null}`
        : null}
      <div class="actions">
        <button class="primary" type="submit">${this.editing ? t('devices.save') : t('devices.approve')}</button>
        ${this.editing || this.device ? html`<button type="button" @click=${this.cancel}>${t('devices.cancel')}</button>` : null}
      </div>
      ${this.problem ? html`<p class="problem toast error" role="alert">${this.problem}</p>` : null}
    </form>`;
  }

  private pickPrinter(e: Event) {
    const value = (e.target as HTMLSelectElement).value;
    this.printer = value === '' ? { kind: 'none' } : value === NEW_PRINTER ? { kind: 'new', url: '' } : { kind: 'existing', id: value };
  }

  private cancel() {
    this.fill(null);
    this.dispatchEvent(new CustomEvent('qm-device-cancel', { bubbles: true, composed: true }));
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const code = this.editing ? null : normalizeCode(this.code);
    const problem =
      !this.editing && code === null
        ? t('devices.badCode')
        : this.name.trim() === ''
          ? t('devices.needName')
          : needsCounter(this.kind) && this.counterId === null
            ? t('devices.needCounter')
            : this.kind === 'kiosk' && this.printer.kind === 'new' && this.printer.url.trim() === ''
              ? t('devices.needPrinterUrl')
              : '';
    this.problem = problem;
    if (problem) return;
    const detail: DeviceSave = { code, body: settingsBody({ name: this.name, kind: this.kind, counterId: this.counterId, printer: this.printer }) };
    this.dispatchEvent(new CustomEvent('qm-device-save', { detail, bubbles: true, composed: true }));
  }
}
