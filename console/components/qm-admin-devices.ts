/**
 * `<qm-admin-devices>`: the center's known devices (#/admin/devices). Approve a pairing code,
 * see who is waiting, edit or revoke an approved device, see the revoked ones, and switch
 * the auto-approval meant for demos and first setups. The list is fetched again every few
 * seconds while the screen is open, so a device that just asked shows up by itself.
 *
 * @property counters - the center's counters (from the admin configuration)
 * @property timeZone - the center's zone, for dates
 * @property serverNow - the server's clock as the console follows it (for "last contact")
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Counter } from '../../protocol/domain';
import { DEVICE_KIND_LABELS, type DeviceAdminView, type DeviceListReply } from '../../protocol/devices';
import { DEFAULT_TIME_ZONE, formatLocalDateTime } from '../../protocol/local-time';
import { formatPairingCode } from '../../devices/lib/device-home';
import { api, ApiError } from '../lib/api';
import { browserSummary, sinceText, splitDevices } from '../lib/devices';
import { currentLang, onLangChange, t } from '../lib/i18n';
import type { DeviceSave, QmDeviceForm } from './qm-device-form';
import { theme } from './theme';

/** How often the open screen asks for the list again. */
export const DEVICES_REFRESH_MS = 5000;

export class QmAdminDevices extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      section h2 {
        display: flex;
        align-items: baseline;
        gap: 0.5rem;
      }
      .auto {
        display: grid;
        gap: 0.5rem;
      }
      .auto.on {
        border-left: 6px solid var(--qm-amber);
        background: #fff8ec;
      }
      .switch {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        font-weight: 600;
        cursor: pointer;
      }
      .switch input {
        width: 1.3rem;
        height: 1.3rem;
        accent-color: var(--qm-amber);
      }
      .warning {
        margin: 0;
        color: #5c3200;
      }
      /* The theme's amber text is under 4.5:1 on its own background: darker here, where it is read. */
      .badge.warn {
        color: #7a4100;
      }
      .auto h2 {
        margin: 0;
        align-items: center;
      }
      .auto-banner {
        margin: 0;
        background: #fde7c6;
        color: #5c3200;
        border-left: 6px solid var(--qm-amber);
        font-weight: 600;
      }
      [role='status'] .toast {
        margin: 0.75rem 0 0;
      }
      .code {
        font-size: 1.25rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      td.actions {
        white-space: nowrap;
        text-align: right;
      }
      td.actions button + button {
        margin-left: 0.4rem;
      }
      .printer-url,
      .agent {
        display: block;
        font-size: 0.8rem;
        color: var(--qm-grey);
        max-width: 22ch;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .stale {
        color: var(--qm-amber);
        font-weight: 600;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) counters: Counter[] = [];
  @property() timeZone = DEFAULT_TIME_ZONE;
  @property({ attribute: false }) serverNow: () => number = () => Date.now();
  @state() private list: DeviceListReply | null = null;
  @state() private loadError = '';
  @state() private message: { text: string; error: boolean } | null = null;
  /** The pending request the approval form was filled from, or the active device being edited. */
  @state() private chosen: DeviceAdminView | null = null;
  @state() private editing = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private offLang: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.timer = setInterval(() => void this.load(), DEVICES_REFRESH_MS);
    this.offLang = onLangChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.offLang?.();
  }

  private async load() {
    try {
      this.list = await api<DeviceListReply>('/api/devices');
      this.loadError = '';
    } catch (err) {
      this.loadError = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    if (!this.list) return this.loadError ? html`<p class="toast error" role="alert">${this.loadError}</p>` : html`<p class="muted">…</p>`;
    const { pending, active, revoked } = splitDevices(this.list.devices);
    return html`${this.list.autoApprove ? html`<p class="toast auto-banner" role="status" data-testid="auto-approve-on">${t('devices.autoBanner')}</p>` : null}
      <section class="card" aria-labelledby="device-form-title" data-testid="device-form">
        <h2 id="device-form-title">${this.editing && this.chosen ? t('devices.editTitle', { name: this.chosen.name }) : t('devices.approveTitle')}</h2>
        ${this.editing ? null : html`<p class="muted">${t('devices.approveHint')}</p>`}
        <qm-device-form
          .device=${this.chosen}
          ?editing=${this.editing}
          .counters=${this.counters.filter((c) => c.active || c.id === this.chosen?.counterId)}
          .printers=${this.list.printers}
          @qm-device-save=${(e: CustomEvent<DeviceSave>) => void this.save(e.detail)}
          @qm-device-cancel=${() => this.choose(null, false)}
        ></qm-device-form>
        <div role="status" aria-live="polite">${this.message ? html`<p class="toast ${this.message.error ? 'error' : ''}" data-testid="devices-message">${this.message.text}</p>` : null}</div>
      </section>
      ${this.loadError ? html`<p class="toast error" role="alert">${this.loadError}</p>` : null}
      ${this.renderPending(pending)} ${this.renderActive(active)} ${this.renderRevoked(revoked)} ${this.renderAuto(this.list.autoApprove)}`;
  }

  private renderAuto(on: boolean) {
    // Rarely touched, so last on the screen; while it is on, the banner at the top says so.
    return html`<section class="card auto ${on ? 'on' : ''}">
      <h2>
        <label class="switch"
          ><input type="checkbox" role="switch" name="autoApprove" .checked=${on} aria-describedby="auto-warning" @change=${(e: Event) => void this.setAuto((e.target as HTMLInputElement).checked)} />${t('devices.autoTitle')}</label
        >
        <span class="badge ${on ? 'warn' : ''}">${on ? t('devices.autoOn') : t('devices.autoOff')}</span>
      </h2>
      <p class="warning" id="auto-warning">${t('devices.autoWarning')}</p>
    </section>`;
  }

  private renderPending(pending: DeviceAdminView[]) {
    const lang = currentLang();
    return html`<section class="card" aria-labelledby="pending-title" data-testid="devices-pending">
      <h2 id="pending-title">${t('devices.pending')} <span class="badge ${pending.length ? 'warn' : ''}">${pending.length}</span></h2>
      ${pending.length === 0
        ? html`<p class="muted">${t('devices.pendingNone')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th>${t('devices.col.code')}</th>
                <th>${t('devices.col.asked')}</th>
                <th>${t('devices.col.since')}</th>
                <th>${t('devices.col.address')}</th>
                <td></td>
              </tr>
            </thead>
            <tbody>
              ${pending.map(
                (d) => html`<tr data-id=${d.id} data-code=${d.code ?? ''}>
                  <td class="code">${formatPairingCode(d.code ?? '')}</td>
                  <td>${DEVICE_KIND_LABELS[d.kind][lang]}${d.counterNumber === null ? '' : ` · ${t('devices.counterN', { number: d.counterNumber })}`}</td>
                  <td>${sinceText(d.createdAt, this.serverNow(), lang)}</td>
                  <td>${this.address(d)}</td>
                  <td class="actions">
                    <button class="primary" @click=${() => this.choose(d, false)}>${t('devices.use')}</button>
                    <button class="danger" @click=${() => void this.reject(d)}>${t('devices.reject')}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  private renderActive(active: DeviceAdminView[]) {
    const lang = currentLang();
    const now = this.serverNow();
    return html`<section class="card" aria-labelledby="active-title" data-testid="devices-active">
      <h2 id="active-title">${t('devices.active')} <span class="badge">${active.length}</span></h2>
      ${active.length === 0
        ? html`<p class="muted">${t('devices.activeNone')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th>${t('devices.col.name')}</th>
                <th>${t('devices.col.kind')}</th>
                <th class="num">${t('devices.col.counter')}</th>
                <th>${t('devices.col.printer')}</th>
                <th>${t('devices.col.lastSeen')}</th>
                <th>${t('devices.col.address')}</th>
                <td></td>
              </tr>
            </thead>
            <tbody>
              ${active.map((d) => {
                const printer = d.printerId ? this.list?.printers.find((p) => p.id === d.printerId) : undefined;
                // Devices ask the server at least every minute or so; ten minutes of silence is worth a glance.
                const stale = d.lastSeenAt === null || now - d.lastSeenAt > 10 * 60_000;
                return html`<tr data-id=${d.id}>
                  <td><strong>${d.name}</strong></td>
                  <td>${DEVICE_KIND_LABELS[d.kind][lang]}</td>
                  <td class="num">${d.counterNumber ?? ''}</td>
                  <td>${d.printerId ?? ''}${printer ? html`<span class="printer-url" title=${printer.url}>${printer.url}</span>` : null}</td>
                  <td class=${stale ? 'stale' : ''} title=${d.lastSeenAt === null ? '' : formatLocalDateTime(d.lastSeenAt, this.timeZone)}>${sinceText(d.lastSeenAt, now, lang) ?? t('devices.never')}</td>
                  <td>${this.address(d)}</td>
                  <td class="actions">
                    <button @click=${() => this.choose(d, true)}>${t('devices.edit')}</button>
                    <button class="danger" @click=${() => void this.revoke(d)}>${t('devices.revoke')}</button>
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>`}
    </section>`;
  }

  private renderRevoked(revoked: DeviceAdminView[]) {
    if (revoked.length === 0) return null;
    const lang = currentLang();
    return html`<details class="card" data-testid="devices-revoked">
      <summary>${t('devices.revoked')} (${revoked.length})</summary>
      <table>
        <thead>
          <tr>
            <th>${t('devices.col.name')}</th>
            <th>${t('devices.col.kind')}</th>
            <th class="num">${t('devices.col.counter')}</th>
            <th>${t('devices.col.revokedAt')}</th>
            <th>${t('devices.col.address')}</th>
          </tr>
        </thead>
        <tbody>
          ${revoked.map(
            (d) => html`<tr data-id=${d.id}>
              <td>${d.name || formatPairingCode(d.code ?? '')}</td>
              <td>${DEVICE_KIND_LABELS[d.kind][lang]}</td>
              <td class="num">${d.counterNumber ?? ''}</td>
              <td>${d.revokedAt === null ? '' : formatLocalDateTime(d.revokedAt, this.timeZone)}</td>
              <td>${d.lastAddress ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  }

  /** Where the device spoke from, and its browser in short (the whole user agent on hover): enough to tell two tablets apart. */
  private address(d: DeviceAdminView) {
    return html`${d.lastAddress ?? ''}${d.userAgent ? html`<span class="agent" title=${d.userAgent}>${browserSummary(d.userAgent)}</span>` : null}`;
  }

  /** Fills the form from a pending request (to approve it) or an active device (to edit it), and brings it into view. */
  private choose(device: DeviceAdminView | null, editing: boolean) {
    this.chosen = device;
    this.editing = editing && device !== null;
    this.message = null;
    if (device) void this.updateComplete.then(() => this.renderRoot.querySelector('[data-testid=device-form]')?.scrollIntoView({ block: 'nearest' }));
  }

  private async save({ code, body }: DeviceSave) {
    const editing = this.editing ? this.chosen : null;
    const done = await this.run(async () => {
      if (editing) {
        await api(`/api/devices/${encodeURIComponent(editing.id)}`, { method: 'PATCH', body });
        return t('devices.saved', { name: body.name });
      }
      await api('/api/devices/approve', { method: 'POST', body: { code, ...body } });
      return t('devices.approved', { name: body.name });
    });
    if (done) {
      // Back to a blank approval, keeping the message that says what was saved.
      this.chosen = null;
      this.editing = false;
      this.renderRoot.querySelector<QmDeviceForm>('qm-device-form')?.fill(null);
    }
  }

  private async revoke(d: DeviceAdminView) {
    if (!confirm(t('devices.confirmRevoke', { name: d.name }))) return;
    await this.run(async () => {
      await api(`/api/devices/${encodeURIComponent(d.id)}/revoke`, { method: 'POST' });
      return t('devices.revokedDone', { name: d.name });
    });
  }

  /** A pending request nobody recognises is revoked: its browser learns it on its next look and may ask again. */
  private async reject(d: DeviceAdminView) {
    const code = formatPairingCode(d.code ?? '');
    if (!confirm(t('devices.confirmReject', { code }))) return;
    await this.run(async () => {
      await api(`/api/devices/${encodeURIComponent(d.id)}/revoke`, { method: 'POST' });
      return t('devices.rejected', { code });
    });
  }

  private async setAuto(autoApprove: boolean) {
    await this.run(async () => {
      await api('/api/devices/auto-approve', { method: 'PUT', body: { autoApprove } });
      return autoApprove ? t('devices.autoSaved') : t('devices.autoOffSaved');
    });
  }

  /** Runs one change, says how it went (the server's own words when it refuses), and reloads the list. */
  private async run(action: () => Promise<string>): Promise<boolean> {
    let ok = false;
    try {
      this.message = { text: await action(), error: false };
      ok = true;
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    }
    await this.load();
    return ok;
  }
}
