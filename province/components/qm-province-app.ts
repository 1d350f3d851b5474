/**
 * `<qm-province-app>`: the province dashboard. Sign-in with a hub account, then three screens by the address's
 * hash: `#/` every center live, `#/center/<id>` one center's floor, `#/reports` (optionally `?center=<id>`), and for
 * province admins `#/admin/centers`, `#/admin/publish` and `#/admin/accounts` (the hub's administration). An account
 * signed in with a temporary password sees only the form that replaces it.
 * The live list is kept by one ProvinceLive for the whole page, so going to a floor and back loses nothing.
 */
import { LitElement, css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { theme } from '../../console/components/theme';
import { api } from '../lib/api';
import { currentLang, setLang, t } from '../lib/i18n';
import { ProvinceLive } from '../lib/province-live';

interface Account {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'director';
  /** Signed in with a temporary password: only the form that replaces it opens. */
  mustChangePassword?: boolean;
}

type AdminTab = 'centers' | 'publish' | 'accounts';
type Route = { screen: 'centers' } | { screen: 'floor'; centerId: string } | { screen: 'reports'; centerId: string | null } | { screen: 'admin'; tab: AdminTab };

function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h === '/admin' || h.startsWith('/admin/')) return { screen: 'admin', tab: h.startsWith('/admin/publish') ? 'publish' : h.startsWith('/admin/accounts') ? 'accounts' : 'centers' };
  const floor = /^\/center\/([A-Za-z0-9_.-]+)$/.exec(h);
  if (floor) return { screen: 'floor', centerId: floor[1] };
  if (h.startsWith('/reports')) {
    const center = /[?&]center=([A-Za-z0-9_.-]+)/.exec(h);
    return { screen: 'reports', centerId: center ? center[1] : null };
  }
  return { screen: 'centers' };
}

export class QmProvinceApp extends LitElement {
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
        gap: 1.5rem;
        padding: 0.6rem 1.5rem;
        background: var(--qm-blue-dark);
        color: #fff;
      }
      header h1 {
        font-size: 1.2rem;
        margin: 0;
        white-space: nowrap;
      }
      header h1 small {
        font-weight: 400;
        opacity: 0.85;
        margin-left: 0.5rem;
      }
      nav {
        display: flex;
        gap: 0.25rem;
        flex: 1;
      }
      nav a {
        color: #fff;
        text-decoration: none;
        padding: 0.45rem 0.9rem;
        border-radius: 8px;
        font-weight: 600;
      }
      nav a[aria-current='page'] {
        background: rgba(255, 255, 255, 0.18);
        box-shadow: inset 0 -3px 0 #f9ab00;
      }
      .account {
        display: flex;
        gap: 0.6rem;
        align-items: center;
      }
      .account button {
        background: transparent;
        color: #fff;
        border-color: rgba(255, 255, 255, 0.5);
      }
      main {
        padding: 1.25rem 1.5rem 2rem;
      }
      .banner {
        margin: 0 0 1rem;
        padding: 0.7rem 1rem;
        border-radius: 8px;
        font-weight: 600;
      }
      .banner.warn {
        background: #fde7c6;
        color: #6b3a00;
        border: 1px solid #e8b56f;
      }
      .banner.bad {
        background: #f9dedc;
        color: #8c1d18;
        border: 1px solid #e6b8b5;
      }
    `,
  ];

  @state() private account: Account | null = null;
  @state() private checked = false;
  @state() private route: Route = parseRoute(location.hash);
  @state() private tick = 0;
  /** The hub refused the session (expired, signed out elsewhere): the sign-in form says why it is back. */
  @state() private ended = false;
  private live: ProvinceLive | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly onHash = () => (this.route = parseRoute(location.hash));

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = currentLang();
    window.addEventListener('hashchange', this.onHash);
    void api<Account>('/api/auth/me')
      .then((a) => this.signedIn(a))
      .catch(() => undefined)
      .finally(() => (this.checked = true));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.stopLive();
  }

  private signedIn(account: Account) {
    this.account = account;
    this.ended = false;
    this.stopLive();
    if (account.mustChangePassword) return;
    this.live = new ProvinceLive();
    this.unsubscribe = this.live.subscribe(() => {
      this.tick++;
      if (this.live?.status === 'signed-out') {
        this.account = null;
        this.ended = true;
        this.stopLive();
      }
    });
    this.live.start();
  }

  private stopLive() {
    this.unsubscribe?.();
    this.live?.stop();
    this.live = null;
  }

  private async logout() {
    await api('/api/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    this.stopLive();
    this.account = null;
  }

  private toggleLang() {
    setLang(currentLang() === 'vi' ? 'en' : 'vi');
    this.requestUpdate();
    for (const el of this.renderRoot.querySelectorAll('main > *')) (el as LitElement).requestUpdate?.();
  }

  override render() {
    if (!this.checked) return html``;
    const header = html`<header>
      <h1>${t('app.title')}<small>${t('app.product')}</small></h1>
      ${this.account && !this.account.mustChangePassword
        ? html`<nav aria-label=${t('nav.main')}>
            <a href="#/" aria-current=${this.route.screen === 'centers' || this.route.screen === 'floor' ? 'page' : 'false'}>${t('nav.centers')}</a>
            <a href="#/reports" aria-current=${this.route.screen === 'reports' ? 'page' : 'false'}>${t('nav.reports')}</a>
            ${this.account.role === 'admin' ? html`<a href="#/admin/centers" aria-current=${this.route.screen === 'admin' ? 'page' : 'false'}>${t('nav.admin')}</a>` : null}
          </nav>`
        : html`<span style="flex:1"></span>`}
      <div class="account">
        <button @click=${this.toggleLang} lang=${currentLang() === 'vi' ? 'en' : 'vi'}>${t('nav.lang')}</button>
        ${this.account ? html`<span>${this.account.displayName}</span><button @click=${this.logout}>${t('nav.logout')}</button>` : null}
      </div>
    </header>`;
    if (this.account?.mustChangePassword) {
      return html`${header}<main><qm-province-password @qm-password-changed=${(e: CustomEvent<Account>) => this.signedIn(e.detail)}></qm-province-password></main>`;
    }
    if (!this.account || !this.live) {
      return html`${header}<main><qm-province-login ?ended=${this.ended} @qm-logged-in=${(e: CustomEvent<Account>) => this.signedIn(e.detail)}></qm-province-login></main>`;
    }
    const live = this.live;
    const banners = html`
      ${live.status === 'offline' ? html`<p class="banner bad" role="alert" data-testid="live-offline">${t('live.offline')}</p>` : null}
      ${live.status === 'connecting' ? html`<p class="banner warn" role="status">${t('live.connecting')}</p>` : null}
      ${live.redis === 'down' ? html`<p class="banner warn" role="alert" data-testid="redis-down">${t('live.redisDown')}</p>` : null}
    `;
    const centers = [...live.centers.values()];
    let screen;
    if (this.route.screen === 'floor') {
      const c = live.centers.get(this.route.centerId) ?? null;
      screen = html`<qm-province-floor .centerId=${this.route.centerId} .center=${c} .tick=${this.tick}></qm-province-floor>`;
    } else if (this.route.screen === 'admin') {
      screen = html`<qm-province-admin
        .centers=${centers}
        .tick=${this.tick}
        .accountRole=${this.account.role}
        .tab=${this.route.tab}
        .accountId=${this.account.id}
        @qm-centers-changed=${() => void live.refresh()}
      ></qm-province-admin>`;
    } else if (this.route.screen === 'reports') {
      screen = html`<qm-province-reports .centers=${centers} .centerId=${this.route.centerId}></qm-province-reports>`;
    } else {
      screen = html`<qm-province-centers .centers=${centers} .tick=${this.tick}></qm-province-centers>`;
    }
    return html`${header}<main>${banners}${screen}</main>`;
  }
}
