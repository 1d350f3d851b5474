/**
 * Design values shared by every kiosk component, as CSS custom properties with
 * local fallbacks so a host page can re-theme an embedded kiosk. Colours keep at
 * least 7:1 contrast against their text (WCAG AAA) for elderly eyes and glare.
 * Every font size is written `calc(Npx * var(--_k))` (`--_kb` from 40 px up), so the
 * large-text mode (the kiosk's "Chữ to" button) enlarges every screen at once.
 */
import { css } from 'lit';
import { fontStack } from '../../fonts/font-stack';

export const base = css`
  /* Block unless a component says otherwise: custom elements are inline by default. */
  :host {
    display: block;
    --_ink: var(--qm-ink, #0b1b2b);
    --_paper: var(--qm-paper, #ffffff);
    --_muted: var(--qm-muted, #33475b);
    --_primary: var(--qm-primary, #0a4b8f);
    --_primary-ink: var(--qm-primary-ink, #ffffff);
    --_priority: var(--qm-priority, #7d1232);
    --_lookup: var(--qm-lookup, #175c33);
    --_warn-bg: var(--qm-warn-bg, #fff1c2);
    --_warn-ink: var(--qm-warn-ink, #4a2f00);
    --_danger: var(--qm-danger, #a00d15);
    --_line: var(--qm-line, #b8c4d0);
    --_radius: var(--qm-radius, 20px);
    /* Text size factor: 1, or larger in the kiosk's large-text mode (set on its frame, inherited by every screen). */
    --_k: var(--qm-text-scale, 1);
    /* Text already 40 px or more grows half as much: it is large already, and must still fit its tile. */
    --_kb: calc(1 + (var(--_k) - 1) / 2);
    --_font: var(--qm-font, ${fontStack});
    font-family: var(--_font);
    color: var(--_ink);
    -webkit-tap-highlight-color: transparent;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    touch-action: manipulation;
    border: none;
    min-height: 64px;
    min-width: 64px;
    border-radius: var(--_radius);
  }
  button:focus-visible {
    outline: 6px solid #ffb000;
    outline-offset: 3px;
  }
  button:active:not([disabled]) {
    transform: scale(0.98);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 16px;
    padding: 12px 32px;
    font-size: calc(30px * var(--_k));
    font-weight: 700;
    background: var(--_primary);
    color: var(--_primary-ink);
  }
  .btn.secondary {
    background: var(--_paper);
    color: var(--_primary);
    border: 4px solid var(--_primary);
  }
  /* Lists of tiles and results: role="list" keeps them announced as lists once their bullets are gone. */
  ul[role='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** A component that fills its parent's height as a column, scrolling inside rather than growing. */
export const fillColumn = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 16px;
    height: 100%;
    min-height: 0;
  }
`;
