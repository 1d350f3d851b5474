/**
 * `<qm-console-app>`: the console shell. Owns the session and the /staff
 * connection, routes by hash (#/counter, #/floor, #/printers, #/reports, #/reports/what-if, #/admin/…, #/password)
 * and shows only the screens the account's role may use (the server enforces it too).
 * An account on a one-time password sees only #/password until it sets its own, and
 * opens /staff only then (the server refuses it before). When the server refuses the
 * live link's session (signed out elsewhere, password changed on another PC, reset or
 * deactivated by an admin, expired), the console asks who is signed in and, if nobody,
 * shows the sign-in screen.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { api, ApiError, SESSION_ENDED } from '../lib/api';
import type { Me } from '../lib/events';
import { currentLang, onLangChange, setLang, t } from '../lib/i18n';
import { ADMIN_TABS, canSee, hashOf, homeFor, parseHash, type Route } from '../lib/router';
import { LiveController } from '../../live/live-controller';
import { StaffConnection, staffChannel } from '../lib/staff-connection';
import { theme } from './theme';

export class QmConsoleApp extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--qm-bg);
      }
      header {
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 0.5rem 1.25rem;
        background: var(--qm-blue-dark);
        color: #fff;
        white-space: nowrap;
      }
      header .center {
        font-weight: 700;
        margin-right: auto;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      nav {
        display: flex;
        gap: 0.25rem;
      }
      nav a {
        color: #fff;
        text-decoration: none;
        padding: 0.45rem 0.8rem;
        border-radius: 6px;
      }
      header a.account {
        color: #fff;
        text-decoration: none;
        font-size: 0.9rem;
        padding: 0.35rem 0.6rem;
        border-radius: 6px;
      }
      nav a[aria-current='page'],
      header a.account[aria-current='page'] {
        background: rgba(255, 255, 255, 0.18);
        font-weight: 600;
      }
      header button {
        background: transparent;
        color: #fff;
        border-color: rgba(255, 255, 255, 0.4);
        min-height: 34px;
        padding: 0.25rem 0.7rem;
      }
      .link {
        font-size: 0.85rem;
      }
      .link::before {
        content: '●';
        margin-right: 0.3rem;
        color: #81c995;
      }
      .link.offline::before {
        color: #f28b82;
      }
      main {
        padding: 1rem 1.25rem;
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .sub {
        display: flex;
        gap: 0.25rem;
        margin-bottom: 1rem;
        flex-wrap: wrap;
      }
      .sub a {
        padding: 0.4rem 0.8rem;
        border-radius: 6px;
        text-decoration: none;
        color: var(--qm-blue-dark);
        background: #fff;
        border: 1px solid var(--qm-line);
      }
      .sub a[aria-current='page'] {
        background: var(--qm-blue);
        color: #fff;
      }
      @media print {
        header,
        .sub {
          display: none;
        }
        :host {
          background: #fff;
        }
      }
    `,
  ];

  @state() private me: Me | null = null;
  @state() private checked = false;
  /** Back at the sign-in screen because the session ended elsewhere, not by this page's logout. */
  @state() private sessionEnded = false;
  @state() private route: Route = { screen: 'counter' };
  /** The /staff link, open while someone is signed in (the namespace needs the session). */
  private readonly live = new LiveController(this, staffChannel, {
    manual: true,
    open: (channel, options) => new StaffConnection(channel, options),
    onChange: () => this.connection?.status === 'signed-out' && void this.sessionRefused(),
  });
  private readonly cleanups: (() => void)[] = [];

  /** "Now" by the server's clock, which the /staff snapshot measured; one function, so qm-admin is not re-rendered by a new one. */
  private readonly serverNow = () => this.live.serverNow();

  /** Always a StaffConnection: `open` above makes it. */
  private get connection(): StaffConnection | undefined {
    return this.live.connection as StaffConnection | undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const onHash = () => this.me && (this.route = parseHash(location.hash, this.me.role, this.me.mustChangePassword));
    const onEnded = () => this.signedOut(true);
    window.addEventListener('hashchange', onHash);
    window.addEventListener(SESSION_ENDED, onEnded);
    this.cleanups.push(
      () => window.removeEventListener('hashchange', onHash),
      () => window.removeEventListener(SESSION_ENDED, onEnded),
      onLangChange(() => this.requestUpdate()),
    );
    document.documentElement.lang = currentLang();
    void this.loadMe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const c of this.cleanups.splice(0)) c();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('route' as keyof QmConsoleApp) && this.me) {
      const hash = hashOf(this.route);
      if (location.hash !== hash) history.replaceState(null, '', hash);
    }
  }

  private async loadMe() {
    try {
      this.signedIn(await api<Me>('/api/auth/me'));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
    } finally {
      this.checked = true;
    }
  }

  private signedIn(me: Me) {
    this.me = me;
    this.sessionEnded = false;
    this.route = parseHash(location.hash, me.role, me.mustChangePassword);
    // A one-time password opens no live queue: the server would refuse it.
    if (!me.mustChangePassword) this.live.start();
  }

  private passwordChanged(me: Me) {
    const wasForced = this.me?.mustChangePassword === true;
    this.me = me;
    // Released from the one-time password: on to the work the account is for.
    if (wasForced) {
      this.route = homeFor(me.role);
      this.live.start();
    }
  }

  /** The live link was refused for its session: the sign-in screen, or the password screen if that is what keeps it shut. */
  private async sessionRefused() {
    this.live.stop();
    const me = await api<Me>('/api/auth/me').catch(() => null);
    if (me?.mustChangePassword) return this.signedIn(me);
    this.signedOut(true);
  }

  private signedOut(ended = false) {
    this.live.stop();
    // Only a page that was signed in can be ended; once at the sign-in screen, a late 401 changes nothing.
    if (this.me) this.sessionEnded = ended;
    this.me = null;
  }

  private async logout() {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    this.signedOut();
  }

  override render() {
    if (!this.checked) return html``;
    const me = this.me;
    const view = this.connection?.view;
    const centerName = view?.center ? (currentLang() === 'en' && view.center.nameEn ? view.center.nameEn : view.center.name) : t('app.title');
    return html`<header>
        <span class="center">${centerName}</span>
        ${me && !me.mustChangePassword ? this.renderNav(me) : null}
        ${me
          ? // Online is the normal case: a dot; losing the link is spelled out.
            html`<span class="link ${this.connection?.status === 'online' ? '' : 'offline'}" role="status" title=${t('app.online')}
                >${this.connection?.status === 'online' ? html`<span class="sr">${t('app.online')}</span>` : t('app.offline')}</span
              >
              <span>${me.displayName} · ${t(`role.${me.role}`)}</span>
              <a class="account" href="#/password" aria-current=${this.route.screen === 'password' ? 'page' : 'false'}>${t('app.password')}</a>`
          : null}
        <button @click=${() => setLang(currentLang() === 'vi' ? 'en' : 'vi')} lang=${currentLang() === 'vi' ? 'en' : 'vi'}>${t('app.lang')}</button>
        ${me ? html`<button @click=${this.logout}>${t('app.logout')}</button>` : null}
      </header>
      <main>${me ? this.renderScreen(me) : html`<qm-login ?ended=${this.sessionEnded} @qm-logged-in=${(e: CustomEvent<Me>) => this.signedIn(e.detail)}></qm-login>`}</main>`;
  }

  private renderNav(me: Me) {
    const items: [Route, string][] = [
      [{ screen: 'counter' }, t('nav.counter')],
      [{ screen: 'floor' }, t('nav.floor')],
      [{ screen: 'printers' }, t('nav.printers')],
      [{ screen: 'reports' }, t('nav.reports')],
      [{ screen: 'admin', tab: 'services' }, t('nav.admin')],
    ];
    return html`<nav>
      ${items
        .filter(([r]) => canSee(me.role, r.screen))
        .map(([r, label]) => html`<a href=${hashOf(r)} aria-current=${this.route.screen === r.screen ? 'page' : 'false'}>${label}</a>`)}
    </nav>`;
  }

  private renderScreen(me: Me) {
    const connection = this.connection!;
    const r = this.route;
    switch (r.screen) {
      case 'counter':
        return html`<qm-counter-console .me=${me} .view=${connection.view} .connection=${connection}></qm-counter-console>`;
      case 'floor':
        return html`<h1 class="sr">${t('nav.floor')}</h1>
          <qm-floor .view=${connection.view} .connection=${connection}></qm-floor>`;
      case 'printers':
        return html`<qm-printers .view=${connection.view}></qm-printers>`;
      case 'reports':
        return r.tab === 'what-if' ? html`<qm-what-if .view=${connection.view}></qm-what-if>` : html`<qm-reports .view=${connection.view} .tab=${r.tab ?? 'summary'}></qm-reports>`;
      case 'password':
        return html`<qm-password
          .me=${me}
          ?forced=${me.mustChangePassword}
          @qm-password-changed=${(e: CustomEvent<Me>) => this.passwordChanged(e.detail)}
        ></qm-password>`;
      case 'admin':
        return html`<h1 class="sr">${t('nav.admin')} › ${t(`admin.${r.tab}`)}</h1>
          <div class="sub">
            ${ADMIN_TABS.map((tab) => html`<a href="#/admin/${tab}" aria-current=${r.tab === tab ? 'page' : 'false'}>${t(`admin.${tab}`)}</a>`)}
          </div>
          <qm-admin .tab=${r.tab} .me=${me} .serverNow=${this.serverNow}></qm-admin>`;
    }
  }
}
