/**
 * Shared look of the wall screens: dark background (bright rooms, cheap TVs
 * with poor black levels still show white and amber well), one amber accent for
 * ticket numbers so the eye finds them from across the hall. Every value is a
 * custom property with a fallback, so a center can restyle without a build.
 */
import { css } from 'lit';
import { fontStack } from '../../fonts/font-stack';

export const displayTheme = css`
  :host {
    --qm-bg: var(--qm-display-bg, #0a1a33);
    --qm-panel: var(--qm-display-panel, #112a4f);
    --qm-panel-2: var(--qm-display-panel-2, #17386a);
    --qm-line: var(--qm-display-line, #2a4c80);
    --qm-text: var(--qm-display-text, #ffffff);
    --qm-muted: var(--qm-display-muted, #b8c7e0);
    --qm-number: var(--qm-display-number, #ffd34d);
    --qm-counter: var(--qm-display-counter, #7fe3ff);
    --qm-priority: var(--qm-display-priority, #e8590c);
    --qm-paused: var(--qm-display-paused, #f08c00);
    --qm-ok: var(--qm-display-ok, #37b24d);
    --qm-font: var(--qm-display-font, ${fontStack});
    font-family: var(--qm-font);
    color: var(--qm-text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .en {
    color: var(--qm-muted);
    font-weight: 400;
  }
  .tabular {
    font-variant-numeric: tabular-nums;
  }
  /* A name that may wrap once, then ends: long service and counter names must not push the board apart. */
  .two-lines {
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }
`;
