/**
 * qm-language-switch — Tiếng Việt / English, both always visible (a flag or a
 * single toggle hides which one you are switching to).
 *
 * @property locale the current language
 * @fires qm-language-changed {lang}
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from '../lib/events';
import type { Lang } from '../lib/i18n';
import { base } from './shared-styles';

const CHOICES: { lang: Lang; label: string }[] = [
  { lang: 'vi', label: 'Tiếng Việt' },
  { lang: 'en', label: 'English' },
];

export class QmLanguageSwitch extends LitElement {
  @property() locale: Lang = 'vi';

  static override styles = [
    base,
    css`
      :host {
        display: inline-flex;
        gap: 8px;
        /* Sits on the dark header bar by default. */
        color: var(--qm-switch-ink, #fff);
      }
      button {
        padding: 8px 20px;
        font-size: calc(26px * var(--_k));
        font-weight: 700;
        background: transparent;
        color: inherit;
        border: 3px solid currentColor;
      }
      button[aria-pressed='true'] {
        background: #fff;
        color: var(--_ink);
        border-color: #fff;
      }
    `,
  ];

  override render() {
    return html`${CHOICES.map(
      (c) => html`<button lang=${c.lang} aria-pressed=${this.locale === c.lang} @click=${() => emit(this, 'qm-language-changed', { lang: c.lang })}>${c.label}</button>`,
    )}`;
  }
}
