/**
 * `<qm-admin-appointments>` (Quản trị › Đặt lịch): the center's booking settings, grouped and explained, and a
 * table of services (takes bookings, places per slot — empty for automatic, with the automatic figure).
 * `GET`/`PUT /api/admin/appointment-settings`; a refusal (`INVALID_APPOINTMENT_SETTINGS`) is shown above the
 * form and nothing changes.
 *
 * @property services - the center's services (inactive included)
 * @property counters - the center's counters (for the automatic places)
 * @property priorities - the priority categories (the one a CCCD scan gives)
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Counter, PriorityCategory, Service } from '../../protocol/domain';
import { api, ApiError } from '../lib/api';
import { autoCapacity, NUMBER_SETTINGS, settingsBody, type AppointmentSettings, type NumberSetting } from '../lib/appointments';
import { nameOf, t } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n.vi';
import { adminFields, theme } from './theme';

export class QmAdminAppointments extends LitElement {
  static override styles = [
    theme,
    adminFields,
    css`
      form {
        display: grid;
        gap: 1rem;
      }
      .intro {
        margin: 0;
        max-width: 80ch;
      }
      fieldset {
        border: 1px solid var(--qm-line);
        border-radius: 10px;
        padding: 0.75rem 1rem 1rem;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
        gap: 0.75rem 1rem;
        align-content: start;
        align-items: end;
      }
      legend {
        font-weight: 700;
        font-size: 1.05rem;
        padding: 0 0.35rem;
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1rem;
      }
      @media (max-width: 1000px) {
        .groups {
          grid-template-columns: 1fr;
        }
      }
      .wide {
        grid-column: 1 / -1;
      }
      .hint {
        margin: 0;
        font-size: 0.88rem;
        font-weight: 400;
      }
      input[type='number'],
      input.time {
        max-width: 9rem;
      }
      select {
        max-width: 100%;
      }
      .choices {
        display: grid;
        gap: 0.5rem;
      }
      .choice {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.1rem 0.5rem;
        align-items: start;
        font-weight: 600;
      }
      .choice input {
        margin-top: 0.2rem;
      }
      .choice .hint {
        grid-column: 2;
      }
      table input[type='number'] {
        width: 7rem;
      }
      td {
        vertical-align: middle;
      }
      td.center {
        text-align: center;
      }
      .formactions {
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .formactions .toast {
        margin: 0;
      }
      h2 {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) counters: Counter[] = [];
  @property({ attribute: false }) priorities: PriorityCategory[] = [];
  @state() private settings: AppointmentSettings | null = null;
  @state() private message: { text: string; error: boolean } | null = null;
  @state() private saving = false;
  /** The share and slot length typed but not saved: the automatic places follow them. */
  @state() private draft: { slotMinutes: number; bookingSharePercent: number } | null = null;

  protected override firstUpdated(_: PropertyValues<this>): void {
    void this.load();
  }

  private async load() {
    try {
      this.settings = await api<AppointmentSettings>('/api/admin/appointment-settings');
      this.draft = null;
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    }
  }

  override render() {
    // Beside the save button: the answer to a save is where the admin is looking.
    const msg = html`<div role="status" aria-live="polite" data-testid="appointments-message">
      ${this.message ? html`<p class="toast ${this.message.error ? 'error' : ''}">${this.message.text}</p>` : null}
    </div>`;
    const s = this.settings;
    if (!s) return html`${msg}<p class="muted">…</p>`;
    const time = (name: 'windowFrom' | 'windowTo', label: MessageKey) =>
      html`<label
        >${t(label)}<input
          class="time"
          name=${name}
          inputmode="numeric"
          required
          pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
          maxlength="5"
          placeholder="08:00"
          title="HH:mm"
          .value=${s[name]}
          aria-describedby="hint-window"
      /></label>`;
    const num = (name: NumberSetting, label: MessageKey, hint?: string) => {
      const [min, max] = NUMBER_SETTINGS[name];
      return html`<label
        >${t(label)}<input name=${name} type="number" inputmode="numeric" min=${min} max=${max} step="1" required .value=${String(s[name])} @input=${this.track} aria-describedby=${ifDefined(hint)}
      /></label>`;
    };
    const hint = (id: string, key: MessageKey) => html`<p id=${id} class="hint muted wide">${t(key)}</p>`;
    return html`<form class="card" @submit=${this.save} data-testid="appointment-settings">
        <h2>${t('admin.appointments')}</h2>
        <p class="intro muted">${t('appt.intro')}</p>
        <div class="groups">
          <fieldset>
            <legend>${t('appt.booking')}</legend>
            <label class="check wide"><input type="checkbox" name="enabled" ?checked=${s.enabled} /> ${t('appt.enabled')}</label>
            ${num('horizonDays', 'appt.horizonDays', 'hint-horizon')} ${num('slotMinutes', 'appt.slotMinutes')} ${hint('hint-horizon', 'appt.horizonDays.hint')}
            ${time('windowFrom', 'appt.windowFrom')} ${time('windowTo', 'appt.windowTo')}
            ${hint('hint-window', 'appt.window.hint')} ${num('bookingSharePercent', 'appt.bookingSharePercent', 'hint-share')} ${hint('hint-share', 'appt.bookingSharePercent.hint')}
          </fieldset>
          <fieldset>
            <legend>${t('appt.limits')}</legend>
            ${num('perPersonPerDay', 'appt.perPersonPerDay', 'hint-limits')} ${num('perPersonPerField', 'appt.perPersonPerField', 'hint-limits')} ${hint('hint-limits', 'appt.limits.hint')}
          </fieldset>
          <fieldset>
            <legend>${t('appt.checkIn')}</legend>
            ${num('checkInEarlyMinutes', 'appt.checkInEarlyMinutes', 'hint-checkin')} ${num('checkInLateMinutes', 'appt.checkInLateMinutes', 'hint-checkin')}
            ${hint('hint-checkin', 'appt.checkIn.hint')}
          </fieldset>
          <fieldset>
            <legend>${t('appt.lineUp')}</legend>
            <div class="choices wide">
              ${(['deadline', 'slot'] as const).map(
                (mode) => html`<label class="choice"
                  ><input type="radio" name="lineUp" value=${mode} ?checked=${s.lineUp === mode} aria-describedby="hint-lineup-${mode}" />
                  <span>${t(`appt.lineUp.${mode}`)}</span>
                  <span id="hint-lineup-${mode}" class="hint muted">${t(`appt.lineUp.${mode}.hint`)}</span></label
                >`,
              )}
            </div>
            ${hint('hint-lineup', 'appt.lineUp.note')}
          </fieldset>
          <fieldset>
            <legend>${t('appt.elderly')}</legend>
            ${num('elderlyAge', 'appt.elderlyAge', 'hint-elderly')}
            <label
              >${t('appt.elderlyPriority')}<select name="elderlyPriority" aria-describedby="hint-elderly">
                ${this.priorityOptions(s.elderlyPriority)}
              </select></label
            >
            ${hint('hint-elderly', 'appt.elderly.hint')}
          </fieldset>
          <fieldset>
            <legend>${t('appt.privacy')}</legend>
            ${num('purgeAfterDays', 'appt.purgeAfterDays', 'hint-privacy')}
            <label class="check wide"><input type="checkbox" name="officerSeesName" ?checked=${s.officerSeesName} /> ${t('appt.officerSeesName')}</label>
            ${hint('hint-privacy', 'appt.privacy.hint')}
          </fieldset>
          <fieldset>
            <legend>${t('appt.notify')}</legend>
            ${num('reminderMinutes', 'appt.reminderMinutes', 'hint-notify')} ${num('aheadNotice', 'appt.aheadNotice', 'hint-notify')} ${hint('hint-notify', 'appt.notify.hint')}
          </fieldset>
        </div>
        ${this.servicesTable(s)}
        <div class="formactions"><button class="primary" ?disabled=${this.saving} data-testid="appointments-save">${t('admin.save')}</button>${msg}</div>
      </form>`;
  }

  private priorityOptions(chosen: string) {
    const known = this.priorities.some((p) => p.id === chosen || p.code === chosen);
    return html`${known ? null : html`<option value=${chosen} selected>${chosen}</option>`}
    ${this.priorities.map((p) => html`<option value=${p.id} ?selected=${p.id === chosen || p.code === chosen}>${nameOf(p)}${p.active ? '' : ` (${t('appt.serviceInactive')})`}</option>`)}`;
  }

  private servicesTable(s: AppointmentSettings) {
    const basis = { ...s, ...(this.draft ?? {}) };
    return html`<section>
      <h3>${t('appt.services')}</h3>
      <p class="hint muted" id="hint-services">${t('appt.services.hint')}</p>
      <table data-testid="appointment-services" aria-describedby="hint-services">
        <thead>
          <tr>
            <th scope="col">${t('appt.col.service')}</th>
            <th scope="col">${t('appt.col.bookable')}</th>
            <th scope="col">${t('appt.col.capacity')}</th>
            <th scope="col">${t('appt.col.auto')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.services.map((svc) => {
            const own = s.services[svc.id] ?? {};
            const auto = autoCapacity(basis, svc, this.counters);
            const name = nameOf(svc);
            return html`<tr data-service=${svc.id}>
              <td>${svc.prefix ? `${svc.prefix} · ` : ''}${name}${svc.active ? '' : html` <span class="muted">(${t('appt.serviceInactive')})</span>`}</td>
              <td class="center"><input type="checkbox" name="bookable:${svc.id}" ?checked=${own.bookable !== false} aria-label=${t('appt.bookableOf', { service: name })} /></td>
              <td>
                <input
                  name="capacity:${svc.id}"
                  type="number"
                  inputmode="numeric"
                  min="0"
                  max="1000"
                  step="1"
                  placeholder=${t('appt.autoPlaceholder')}
                  .value=${typeof own.capacity === 'number' ? String(own.capacity) : ''}
                  aria-label=${t('appt.capacityOf', { service: name })}
                />
              </td>
              <td class="muted" data-testid="auto-capacity">${auto > 0 ? t('appt.auto', { n: auto }) : t('appt.autoNone')}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  /** The slot length and share as typed: the automatic places follow before saving. */
  private readonly track = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.name !== 'slotMinutes' && input.name !== 'bookingSharePercent') return;
    const form = input.form!;
    const value = (name: string, fallback: number) => {
      const n = Number((form.elements.namedItem(name) as HTMLInputElement).value);
      return Number.isFinite(n) && n > 0 ? n : fallback;
    };
    const s = this.settings!;
    this.draft = { slotMinutes: value('slotMinutes', s.slotMinutes), bookingSharePercent: value('bookingSharePercent', s.bookingSharePercent) };
  };

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const current = this.settings;
    if (!current || this.saving) return;
    const body = settingsBody(new FormData(e.target as HTMLFormElement), current, this.services);
    this.saving = true;
    try {
      this.settings = await api<AppointmentSettings>('/api/admin/appointment-settings', { method: 'PUT', body });
      this.draft = null;
      this.message = { text: t('appt.saved'), error: false };
    } catch (err) {
      let text = err instanceof ApiError ? err.message : String(err);
      // The server names the rule in its own terms; say which fields to fix in the admin's words too.
      if (err instanceof ApiError && err.code === 'INVALID_APPOINTMENT_SETTINGS' && body.windowFrom >= body.windowTo) text += ` ${t('appt.windowOrder')}`;
      this.message = { text, error: true };
    } finally {
      this.saving = false;
    }
  }
}
