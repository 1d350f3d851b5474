/**
 * `<qm-province-admin>`: the hub's administration for province admins (role 'admin'), by the hash:
 * `#/admin` or `#/admin/centers` the centers and their links (add a center and show its one-time enrolment code
 * once, issue a new code, revoke after a confirmation), `#/admin/publish` what the province sends down
 * (`<qm-province-publish>`), `#/admin/accounts` the province accounts (`<qm-province-accounts>`). A director sees only a sentence saying the section is for admins (the API refuses
 * them anyway).
 *
 * @fires qm-centers-changed - after a change to a center, so the page's live list is fetched again
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { theme } from '../../console/components/theme';
import { DEFAULT_TIME_ZONE, localParts } from '../../protocol/local-time';
import { api, ApiError, serverNow } from '../lib/api';
import { copyFromInput } from '../lib/copy';
import { sinceText } from '../lib/format';
import { currentLang, t } from '../lib/i18n';
import type { CenterItem, CenterLink } from '../lib/province-live';
import { adminStyles } from './admin.styles';

const CODE_RE = /^[A-Za-z0-9_.-]+$/;

/** 'HH:mm dd/MM/yyyy' in the province's zone. */
export function fullTime(at: number): string {
  const p = localParts(at, DEFAULT_TIME_ZONE);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** The link state, from the hub's `link` field (older hubs: from `enrolled` and `revokedAt`). */
export function linkOf(c: CenterItem): CenterLink {
  if (c.link) return c.link;
  if (c.enrolled) return 'linked';
  return c.revokedAt !== null ? 'revoked' : 'pending';
}

interface IssuedCode {
  centerName: string;
  centerCode: string;
  enrolmentCode: string;
  enrolmentExpiresAt: number;
}

export class QmProvinceAdmin extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      h1 {
        font-size: 1.5rem;
        margin: 0 0 0.75rem;
      }
      .tabs {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 1.25rem;
        border-bottom: 2px solid var(--qm-line);
      }
      .tabs a {
        padding: 0.6rem 1.1rem;
        color: var(--qm-blue-dark);
        font-weight: 600;
        text-decoration: none;
        border-radius: 8px 8px 0 0;
        margin-bottom: -2px;
        border-bottom: 3px solid transparent;
      }
      .tabs a[aria-current='page'] {
        border-bottom-color: var(--qm-blue);
        background: #fff;
      }
      .codebox h2 {
        margin-bottom: 0.4rem;
      }
      .codebox .once {
        margin: 0.4rem 0 0.8rem;
      }
      .coderow input {
        font-size: 2rem;
        letter-spacing: 0.12em;
        width: 12em;
      }
      .coderow button {
        min-height: 52px;
        font-size: 1.05rem;
      }
      .codebox ol {
        margin: 0.3rem 0 0.9rem;
        padding-left: 1.4rem;
        line-height: 1.55;
      }
      .codebox code,
      .env {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        background: #fff;
        border: 1px solid var(--qm-line);
        border-radius: 4px;
        padding: 0.05rem 0.35rem;
        overflow-wrap: anywhere;
      }
      .env {
        display: block;
        margin-top: 0.35rem;
        padding: 0.45rem 0.7rem;
        white-space: pre-wrap;
      }
      .codebox h3 {
        font-size: 1rem;
        margin: 0.6rem 0 0.2rem;
      }
      table {
        font-size: 1rem;
      }
      .badge.warn {
        color: #6b3a00;
      }
      dialog {
        border: none;
        border-radius: var(--qm-radius);
        padding: 1.4rem 1.6rem;
        max-width: 34rem;
        box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3);
      }
      dialog::backdrop {
        background: rgba(15, 23, 42, 0.45);
      }
      dialog h2 {
        font-size: 1.25rem;
      }
      dialog p {
        line-height: 1.5;
      }
      .dialog-buttons {
        display: flex;
        justify-content: flex-end;
        gap: 0.6rem;
        margin-top: 1.2rem;
      }
      button.danger.solid {
        background: var(--qm-red);
        border-color: var(--qm-red);
        color: #fff;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) centers: CenterItem[] = [];
  @property({ type: Number }) tick = 0;
  @property() accountRole: 'admin' | 'director' = 'director';
  @property() tab: 'centers' | 'publish' | 'accounts' = 'centers';
  /** The signed-in account's id (its own row has no deactivate or reset). */
  @property() accountId = '';
  @state() private issued: IssuedCode | null = null;
  @state() private copyNote = '';
  @state() private addError = '';
  @state() private busy = false;
  @state() private message = '';
  @state() private actionError = '';
  @state() private revoking: CenterItem | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input[data-testid=enrolment-code]') private codeInput!: HTMLInputElement | null;

  override render() {
    const tabs = html`<nav class="tabs" aria-label=${t('admin.nav')}>
      <a href="#/admin/centers" aria-current=${this.tab === 'centers' ? 'page' : 'false'}>${t('admin.tab.centers')}</a>
      <a href="#/admin/publish" aria-current=${this.tab === 'publish' ? 'page' : 'false'}>${t('admin.tab.publish')}</a>
      <a href="#/admin/accounts" aria-current=${this.tab === 'accounts' ? 'page' : 'false'}>${t('admin.tab.accounts')}</a>
    </nav>`;
    if (this.accountRole !== 'admin') {
      return html`<h1>${t('admin.title')}</h1>
        <p class="card" data-testid="admin-forbidden">${t('admin.forbidden')}</p>`;
    }
    return html`<h1>${t('admin.title')}</h1>
      ${tabs}
      ${this.tab === 'publish'
        ? html`<qm-province-publish .centers=${this.centers} .language=${currentLang()}></qm-province-publish>`
        : this.tab === 'accounts'
          ? html`<qm-province-accounts .accountId=${this.accountId} .language=${currentLang()}></qm-province-accounts>`
          : this.centersView()}`;
  }

  private centersView() {
    const now = serverNow();
    const sorted = [...this.centers].sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
    return html`
      ${this.message ? html`<p class="toast" role="status">${this.message}</p>` : nothing}
      ${this.issued ? this.codeBox(this.issued) : nothing}
      ${this.actionError ? html`<p class="toast error" role="alert">${this.actionError}</p>` : nothing}
      <div class="layout">
        <form class="card add" @submit=${this.add} aria-labelledby="add-title" novalidate>
          <h2 id="add-title">${t('admin.add.title')}</h2>
          <label
            >${t('admin.add.code')}
            <input name="code" maxlength="32" autocomplete="off" spellcheck="false" aria-describedby="code-hint" data-testid="new-code" />
            <span class="hint" id="code-hint">${t('admin.add.codeHint')}</span>
          </label>
          <label>${t('admin.add.name')} <input name="name" maxlength="200" autocomplete="off" placeholder=${t('admin.add.namePlaceholder')} data-testid="new-name" /></label>
          ${this.addError ? html`<p class="error" role="alert" data-testid="add-error">${this.addError}</p>` : nothing}
          <button class="primary" ?disabled=${this.busy}>${this.busy ? t('admin.add.busy') : t('admin.add.submit')}</button>
        </form>
        <section class="card table" aria-labelledby="admin-centers-title">
          <h2 id="admin-centers-title">${t('admin.centers.title')}</h2>
          <p class="muted">${t('admin.centers.caption')}</p>
          <table aria-labelledby="admin-centers-title" data-testid="admin-centers">
            <thead>
              <tr>
                <th scope="col">${t('admin.col.code')}</th>
                <th scope="col">${t('admin.col.name')}</th>
                <th scope="col">${t('admin.col.state')}</th>
                <th scope="col">${t('admin.col.lastSeen')}</th>
                <th scope="col" class="num">${t('admin.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${sorted.length === 0 ? html`<tr><td colspan="5" class="muted">${t('centers.empty')}</td></tr>` : nothing}
              ${sorted.map((c) => this.row(c, now))}
            </tbody>
          </table>
        </section>
      </div>
      <dialog aria-labelledby="revoke-title" aria-describedby="revoke-body" @close=${() => (this.revoking = null)}>
        ${this.revoking
          ? html`<h2 id="revoke-title">${t('admin.revoke.title', { name: this.revoking.name })}</h2>
              <p id="revoke-body">${t('admin.revoke.body')}</p>
              <div class="dialog-buttons">
                <button @click=${() => this.dialog.close()} autofocus>${t('admin.cancel')}</button>
                <button class="danger solid" data-testid="revoke-confirm" @click=${this.confirmRevoke}>${t('admin.revoke.confirm')}</button>
              </div>`
          : nothing}
      </dialog>
    `;
  }

  private row(c: CenterItem, now: number) {
    const link = linkOf(c);
    const badge = { linked: 'ok', pending: 'warn', revoked: 'bad', expired: 'off' }[link];
    let sub: string | null = null;
    if (link === 'pending' && c.enrolmentExpiresAt) sub = t('admin.state.pendingUntil', { time: fullTime(c.enrolmentExpiresAt) });
    else if (link === 'revoked' && c.revokedAt !== null) sub = t('admin.state.revokedAt', { time: sinceText(c.revokedAt, now) });
    else if (link === 'linked') sub = c.online ? t('admin.state.online') : t('admin.state.offline');
    return html`<tr data-center=${c.code} data-link=${link}>
      <td>${c.code}</td>
      <td>${c.name}</td>
      <td><span class="badge ${badge}" data-testid="link-state">${t(`admin.state.${link}`)}</span>${sub ? html`<span class="sub">${sub}</span>` : nothing}</td>
      <td>${c.lastSeenAt !== null ? sinceText(c.lastSeenAt, now) : t('admin.lastSeen.never')}</td>
      <td class="actions">
        <button data-testid="renew" aria-label=${t('admin.renew.label', { name: c.name })} @click=${() => this.renew(c)}>${t('admin.renew')}</button>
        ${link === 'linked'
          ? html`<button class="danger" data-testid="revoke" aria-label=${t('admin.revoke.label', { name: c.name })} @click=${() => this.askRevoke(c)}>${t('admin.revoke')}</button>`
          : nothing}
      </td>
    </tr>`;
  }

  private codeBox(code: IssuedCode) {
    const hubUrl = location.origin;
    return html`<section class="codebox shown-once" aria-labelledby="code-title" data-testid="code-box">
      <h2 id="code-title">${t('admin.code.title', { name: code.centerName, code: code.centerCode })}</h2>
      <p class="once">${t('admin.code.once')}</p>
      <div class="coderow shown-row">
        <input readonly .value=${code.enrolmentCode} aria-label=${t('admin.code.label')} data-testid="enrolment-code" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button class="primary" @click=${this.copy} data-testid="copy-code">${t('admin.code.copy')}</button>
        <span role="status" data-testid="copy-note">${this.copyNote}</span>
      </div>
      <p>${t('admin.code.expires', { time: fullTime(code.enrolmentExpiresAt) })}</p>
      <h3>${t('admin.code.howTitle')}</h3>
      <ol>
        <li>${t('admin.code.howConsole', { url: hubUrl })}</li>
        <li>${t('admin.code.howEnv')}<span class="env">HUB_URL=${hubUrl}
HUB_ENROLMENT_CODE=${code.enrolmentCode}</span></li>
      </ol>
      <button @click=${this.closeCode} data-testid="close-code">${t('admin.code.close')}</button>
    </section>`;
  }

  private async copy() {
    const input = this.codeInput;
    if (!input) return;
    this.copyNote = (await copyFromInput(input)) === 'copied' ? t('admin.code.copied') : t('admin.code.selected');
  }

  private closeCode() {
    this.issued = null;
    this.copyNote = '';
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('qm-centers-changed', { bubbles: true, composed: true }));
  }

  private async add(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const code = String(data.get('code') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    this.message = '';
    if (!code) return this.refuse(t('admin.add.codeRequired'), form, 'code');
    if (!CODE_RE.test(code) || code.length > 32) return this.refuse(t('admin.add.codeInvalid'), form, 'code');
    if (!name) return this.refuse(t('admin.add.nameRequired'), form, 'name');
    if (name.length > 200) return this.refuse(t('admin.add.nameTooLong'), form, 'name');
    this.busy = true;
    this.addError = '';
    try {
      const c = await api<{ id: string; code: string; name: string; enrolmentCode: string; enrolmentExpiresAt: number }>('/api/hub/centers', { method: 'POST', body: { code, name } });
      this.issued = { centerName: c.name, centerCode: c.code, enrolmentCode: c.enrolmentCode, enrolmentExpiresAt: c.enrolmentExpiresAt };
      this.copyNote = '';
      this.message = t('admin.add.done', { name: c.name });
      form.reset();
      this.changed();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.codebox')?.scrollIntoView({ block: 'nearest' });
    } catch (err) {
      // The hub's schema messages are for developers: say it in the page's words.
      this.addError = err instanceof ApiError && err.code === 'VALIDATION_ERROR' ? t('admin.add.invalid') : err instanceof ApiError ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }

  private refuse(message: string, form: HTMLFormElement, field: string) {
    this.addError = message;
    form.querySelector<HTMLInputElement>(`input[name=${field}]`)?.focus();
  }

  private async renew(c: CenterItem) {
    this.message = '';
    this.actionError = '';
    try {
      const r = await api<{ enrolmentCode: string; enrolmentExpiresAt: number }>(`/api/hub/centers/${encodeURIComponent(c.id)}/enrolment-code`, { method: 'POST', body: {} });
      this.issued = { centerName: c.name, centerCode: c.code, enrolmentCode: r.enrolmentCode, enrolmentExpiresAt: r.enrolmentExpiresAt };
      this.copyNote = '';
      this.changed();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.codebox')?.scrollIntoView({ block: 'nearest' });
    } catch (err) {
      this.actionError = err instanceof ApiError ? err.message : String(err);
    }
  }

  private async askRevoke(c: CenterItem) {
    this.revoking = c;
    await this.updateComplete;
    this.dialog.showModal();
  }

  private async confirmRevoke() {
    const c = this.revoking;
    this.dialog.close();
    if (!c) return;
    this.message = '';
    this.actionError = '';
    try {
      await api(`/api/hub/centers/${encodeURIComponent(c.id)}/revoke`, { method: 'POST', body: {} });
      this.message = t('admin.revoke.done', { name: c.name });
      this.changed();
    } catch (err) {
      this.actionError = err instanceof ApiError ? err.message : String(err);
    }
  }
}
