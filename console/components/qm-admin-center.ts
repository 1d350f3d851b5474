/**
 * `<qm-admin-center>`: center name, time zone, queue and voice settings, and the notice line.
 *
 * @property center - the center record
 * @property reload - called after a change
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { KIOSK_LAYOUTS, ROUTING_MODES, type Center, type RoutingMode, type Service } from '../../protocol/domain';
import { prefixClashes, prefixReading, type VoiceRegion } from '../../protocol/letter-names';
import { api, ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n.vi';
import { adminFields, theme } from './theme';

export class QmAdminCenter extends LitElement {
  static override styles = [
    theme,
    adminFields,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
        gap: 0.75rem 1rem;
        margin-bottom: 1rem;
      }
      /* A long option (a mode's name) must not push the select out of its column. */
      select {
        max-width: 100%;
      }
      .warn {
        margin: 0;
        padding: 0.6rem 0.9rem;
        border-radius: 8px;
        background: #fff4d6;
        color: #5c3d00;
      }
      h2,
      .wide,
      .formactions {
        grid-column: 1 / -1;
      }
    `,
  ];

  @property({ attribute: false }) center: Center | null = null;
  /** The center's services: which prefixes would be confused in the voice region chosen. */
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) reload: () => Promise<void> = async () => {};
  @state() private message: { text: string; error: boolean } | null = null;
  /** The mode picked in the form, not saved yet: its explanation follows the choice. */
  @state() private routing: RoutingMode | null = null;
  /** The voice region picked in the form, not saved yet: the prefixes confused there follow the choice. */
  @state() private region: VoiceRegion | null = null;

  override render() {
    const c = this.center!;
    const s = c.settings;
    const routing = this.routing ?? s.routing;
    const region = this.region ?? s.voiceVariant;
    const select = (name: string, label: MessageKey, value: string, options: [string, MessageKey][]) =>
      html`<label
        >${t(label)}<select name=${name}>
          ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${t(l)}</option>`)}
        </select></label
      >`;
    const num = (name: keyof typeof s, label: MessageKey) => html`<label>${t(label)}<input name=${name} type="number" .value=${String(s[name])} /></label>`;
    const check = (name: keyof typeof s, label: MessageKey) => html`<label class="check"><input type="checkbox" name=${name} ?checked=${s[name] === true} /> ${t(label)}</label>`;
    return html`<div role="status" aria-live="polite">${this.message ? html`<p class="toast ${this.message.error ? 'error' : ''}">${this.message.text}</p>` : null}</div>
      <form class="card" @submit=${this.saveCenter}>
        <h2>${t('center.settings')}</h2>
        <label>${t('field.name')}<input name="name" required .value=${c.name} /></label>
        <label>${t('field.nameEn')}<input name="nameEn" .value=${c.nameEn} /></label>
        <label class="wide">${t('field.address')}<input name="address" .value=${c.address} /></label>
        <label>${t('field.timeZone')}<input name="timeZone" required list="zones" .value=${c.timeZone} /></label>
        <datalist id="zones"><option value="Asia/Ho_Chi_Minh"></option><option value="Asia/Bangkok"></option></datalist>
        ${num('recallsBeforeNoShow', 'field.recallsBeforeNoShow')} ${num('maxPriorityStreak', 'field.maxPriorityStreak')} ${num('numberDigits', 'field.numberDigits')}
        ${select('callNextWhileServing', 'field.callNextWhileServing', s.callNextWhileServing, [
          ['complete', 'field.callNext.complete'],
          ['refuse', 'field.callNext.refuse'],
        ])}
        <label
          >${t('field.routing')}<select name="routing" aria-describedby="routing-hint" @change=${(e: Event) => (this.routing = (e.target as HTMLSelectElement).value as RoutingMode)}>
            ${ROUTING_MODES.map((mode) => html`<option value=${mode} ?selected=${mode === routing}>${t(`field.routing.${mode}`)}</option>`)}
          </select></label
        >
        <p id="routing-hint" class="muted wide" data-testid="routing-hint">${t(`field.routing.${routing}.hint`)}</p>
        <label
          >${t('field.voiceVariant')}<select name="voiceVariant" @change=${(e: Event) => (this.region = (e.target as HTMLSelectElement).value as VoiceRegion)}>
            ${(['north', 'south'] as const).map((v) => html`<option value=${v} ?selected=${v === region}>${t(`field.voice.${v}`)}</option>`)}
          </select></label
        >
        ${this.renderClashes(region)}
        ${check('voiceDigitByDigit', 'field.voiceDigitByDigit')} ${check('announceEnglish', 'field.announceEnglish')}
        ${check('kioskVoice', 'field.kioskVoice')}
        <label>${t('field.kioskVolume')}<input name="kioskVolume" type="number" min="0" max="100" step="1" required .value=${String(s.kioskVolume)} /></label>
        ${select('kioskLayout', 'field.kioskLayout', s.kioskLayout, KIOSK_LAYOUTS.map((layout) => [layout, `field.kioskLayout.${layout}` as MessageKey]))}
        <div class="formactions"><button class="primary">${t('admin.save')}</button></div>
      </form>
      <form class="card" @submit=${this.saveNotice}>
        <h2>${t('center.notice')}</h2>
        <label class="wide">${t('field.noticeLine')}<textarea name="noticeLine" rows="2" maxlength="500">${s.noticeLine}</textarea></label>
        <label class="wide">${t('field.noticeLineEn')}<textarea name="noticeLineEn" rows="2" maxlength="500">${s.noticeLineEn}</textarea></label>
        <div class="formactions"><button class="primary">${t('admin.save')}</button></div>
      </form>`;
  }

  private async saveCenter(e: SubmitEvent) {
    e.preventDefault();
    const d = new FormData(e.target as HTMLFormElement);
    const str = (k: string) => String(d.get(k) ?? '').trim();
    await this.send('/api/admin/center', {
      name: str('name'),
      nameEn: str('nameEn'),
      address: str('address'),
      timeZone: str('timeZone'),
      settings: {
        recallsBeforeNoShow: Number(str('recallsBeforeNoShow')),
        maxPriorityStreak: Number(str('maxPriorityStreak')),
        numberDigits: Number(str('numberDigits')),
        callNextWhileServing: str('callNextWhileServing'),
        routing: str('routing'),
        voiceVariant: str('voiceVariant'),
        voiceDigitByDigit: d.get('voiceDigitByDigit') === 'on',
        announceEnglish: d.get('announceEnglish') === 'on',
        kioskVoice: d.get('kioskVoice') === 'on',
        kioskVolume: Number(str('kioskVolume')),
        kioskLayout: str('kioskLayout'),
      },
    });
  }

  /** Pairs of active services whose prefixes would be confused in this region (the rule the server warns by). */
  private renderClashes(region: VoiceRegion) {
    const active = this.services.filter((s) => s.active);
    const pairs = active.flatMap((a, i) =>
      prefixClashes(a, active.slice(i + 1), region).map(({ service: b, voice }) => {
        const how = voice
          ? t('center.prefixClash.voice')
          : t('center.prefixClash.names', { reading: prefixReading(a.prefix, region) ?? a.prefix, otherReading: prefixReading(b.prefix, region) ?? b.prefix });
        return `${a.prefix} (${a.name}) – ${b.prefix} (${b.name}): ${how}`;
      }),
    );
    if (pairs.length === 0) return null;
    return html`<p class="warn wide" role="note" data-testid="prefix-clashes">${t('center.prefixClashes', { region: t(`center.region.${region}`), pairs: pairs.join('; ') })}</p>`;
  }

  private async saveNotice(e: SubmitEvent) {
    e.preventDefault();
    const d = new FormData(e.target as HTMLFormElement);
    await this.send('/api/admin/notice', { noticeLine: String(d.get('noticeLine') ?? '').trim(), noticeLineEn: String(d.get('noticeLineEn') ?? '').trim() });
  }

  private async send(url: string, body: object) {
    try {
      await api(url, { method: 'PUT', body });
      this.message = { text: t('admin.saved'), error: false };
      await this.reload();
    } catch (err) {
      this.message = { text: err instanceof ApiError ? err.message : String(err), error: true };
    }
  }
}
