/**
 * `<qm-pair-page>`: the pairing page (/pair/), opened on the device being set up. The person
 * picks what the device is (and its counter), taps "Xin ghép", and the page shows the six-digit
 * code large for an admin to approve in the console. It asks the server every few seconds and,
 * once approved, opens the device's own page. A revoked device says so and can ask again.
 *
 * @property locale        'vi' (default) or 'en'
 * @property kind          the kind chosen at start (from ?kind=)
 * @property counterNumber the counter chosen at start (from ?counter=)
 * @fires qm-device-ready {url} — approved: the page about to open (the entry navigates there)
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEVICE_KINDS, type DeviceKind, type DeviceSelf } from '../../protocol/devices';
import { DeviceApiError, fetchDeviceMe, requestPairing } from '../lib/device-api';
import { deviceHomeUrl, formatPairingCode, needsCounter } from '../lib/device-home';
import { kindLabel, t, type Lang, type MessageKey } from '../lib/i18n';
import { pairPageStyles } from './qm-pair-page.styles';

/** How often a waiting device asks whether it was approved. */
export const PAIR_POLL_MS = 3000;

const validCounter = (n: number | null): boolean => n !== null && Number.isInteger(n) && n > 0;

type Step = { name: 'loading' } | { name: 'choose' } | { name: 'pending'; device: DeviceSelf } | { name: 'approved'; device: DeviceSelf } | { name: 'revoked'; device: DeviceSelf };

export class QmPairPage extends LitElement {
  static override styles = pairPageStyles;

  @property() locale: Lang = 'vi';
  @property() kind: DeviceKind = 'kiosk';
  @property({ type: Number }) counterNumber: number | null = null;
  @state() private step: Step = { name: 'loading' };
  @state() private busy = false;
  @state() private error = '';
  @state() private offline = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('locale')) document.documentElement.lang = this.locale;
  }

  /** Asks what this browser is now, and keeps asking while it waits or the server is away. */
  private async check() {
    clearTimeout(this.timer);
    try {
      const { device } = await fetchDeviceMe(this.locale);
      this.offline = false;
      this.show(device);
    } catch {
      this.offline = true;
      this.timer = setTimeout(() => void this.check(), PAIR_POLL_MS);
    }
  }

  private show(device: DeviceSelf | null) {
    clearTimeout(this.timer);
    if (!device) {
      // Only the first look decides the form; a device that vanished while waiting (expired request) asks again.
      this.step = { name: 'choose' };
    } else if (device.status === 'pending') {
      this.step = { name: 'pending', device };
      this.timer = setTimeout(() => void this.check(), PAIR_POLL_MS);
    } else if (device.status === 'active') {
      this.step = { name: 'approved', device };
      const url = deviceHomeUrl(device);
      // A moment to read who it became before the page changes.
      this.timer = setTimeout(() => this.dispatchEvent(new CustomEvent('qm-device-ready', { detail: { url }, bubbles: true, composed: true })), 1500);
    } else {
      this.step = { name: 'revoked', device };
    }
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const counter = needsCounter(this.kind) ? this.counterNumber : null;
    if (needsCounter(this.kind) && !validCounter(counter)) {
      this.error = t(this.locale, 'needCounter');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.show(await requestPairing(this.kind, counter, this.locale));
    } catch (err) {
      this.error = err instanceof DeviceApiError ? err.message : t(this.locale, 'offline');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const L = (key: MessageKey, params?: Record<string, string | number>) => t(this.locale, key, params);
    return html`<div class="page">
      <header>
        <h1>${L('title')}</h1>
        <button class="lang" lang=${this.locale === 'vi' ? 'en' : 'vi'} @click=${() => (this.locale = this.locale === 'vi' ? 'en' : 'vi')}>${L('language')}</button>
      </header>
      ${this.offline ? html`<p class="notice error" role="alert">${L('offline')}</p>` : null}
      <main>${this.body(L)}</main>
    </div>`;
  }

  private body(L: (key: MessageKey, params?: Record<string, string | number>) => string) {
    const step = this.step;
    switch (step.name) {
      case 'loading':
        return html`<p class="muted" role="status">…</p>`;
      case 'choose':
        return this.form(L);
      case 'pending': {
        const d = step.device;
        return html`<section class="code-card" aria-labelledby="code-label">
          <p id="code-label" class="code-label">${L('codeLabel')}</p>
          <p class="code" data-testid="pairing-code" aria-label=${(d.code ?? '').split('').join(' ')}>${formatPairingCode(d.code ?? '')}</p>
          <p class="instruction">${L('instruction')}</p>
          <p class="waiting" role="status"><span class="spinner" aria-hidden="true"></span>${L('waiting')}</p>
          <p class="muted">${d.counterNumber === null ? L('asked', { kind: kindLabel(d.kind, this.locale) }) : L('askedCounter', { kind: kindLabel(d.kind, this.locale), counter: d.counterNumber })}</p>
          <button class="secondary" @click=${() => this.choose(d)}>${L('changeKind')}</button>
        </section>`;
      }
      case 'approved': {
        const url = deviceHomeUrl(step.device);
        return html`<section class="done" role="status" data-testid="pair-approved">
          <h2>${L('approved', { name: step.device.name })}</h2>
          <p>${L('opening')}</p>
          <a class="button" href=${url}>${L('open')}</a>
        </section>`;
      }
      case 'revoked':
        return html`<section class="revoked" role="alert" data-testid="pair-revoked">
          <h2>${L('revoked')}</h2>
          <p>${L('revokedHint')}</p>
          <button class="primary" @click=${() => this.choose(step.device)}>${L('askAgain')}</button>
        </section>`;
    }
  }

  /** Back to the form, keeping what the device asked to be last time. */
  private choose(device: DeviceSelf) {
    clearTimeout(this.timer);
    this.kind = device.kind;
    this.counterNumber = device.counterNumber;
    this.step = { name: 'choose' };
  }

  private form(L: (key: MessageKey, params?: Record<string, string | number>) => string) {
    const counterKind = needsCounter(this.kind);
    return html`<form @submit=${this.submit} novalidate>
      <p class="intro">${L('intro')}</p>
      <fieldset>
        <legend>${L('kindLegend')}</legend>
        <div class="kinds">
          ${DEVICE_KINDS.map(
            (kind) => html`<label class="kind ${kind === this.kind ? 'chosen' : ''}">
              <input type="radio" name="kind" value=${kind} .checked=${kind === this.kind} @change=${() => (this.kind = kind)} />
              <span>${kindLabel(kind, this.locale)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${counterKind
        ? html`<label class="counter"
            >${L('counter')}
            <input
              name="counter"
              type="number"
              inputmode="numeric"
              min="1"
              step="1"
              required
              aria-describedby="counter-hint"
              aria-invalid=${this.error !== '' && !validCounter(this.counterNumber) ? 'true' : 'false'}
              .value=${this.counterNumber === null ? '' : String(this.counterNumber)}
              @input=${(e: Event) => {
                const value = (e.target as HTMLInputElement).value.trim();
                this.counterNumber = value === '' ? null : Number(value);
              }}
            />
            <span class="hint" id="counter-hint">${L('counterHint')}</span></label
          >`
        : null}
      ${this.error ? html`<p class="notice error" role="alert" data-testid="pair-error">${this.error}</p>` : null}
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? L('submitting') : L('submit')}</button>
    </form>`;
  }
}
