import { css } from 'lit';

/**
 * Layout of the kiosk root. Portrait (1080 wide) stacks; 1400 px and wider spreads out.
 * `.frame.large` is the citizen's large-text / high-contrast mode ("Chữ to"): every text 1.4× (through
 * `--qm-text-scale`, inherited by every screen) and dark text on white or white on near-black only.
 */
export const kioskStyles = css`
  :host {
    display: block;
    height: 100%;
    min-height: 640px;
    background: #f2f5f8;
    user-select: none;
    -webkit-user-select: none;
    touch-action: manipulation;
  }
  .frame {
    container: kiosk / inline-size;
    background: #f2f5f8;
    height: 100%;
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  /* Name and clock, then the citizen's tools (text size, language): on a second row when the width is short. */
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px 24px;
    padding: 16px 32px;
    background: #0a2540;
    color: #fff;
  }
  header h1 {
    flex: 1 1 560px;
    margin: 0;
    /* The center's name is not what a citizen reads to act: it grows less, so the header keeps to one band. */
    font-size: calc(34px * min(var(--_k), 1.1));
    line-height: 1.2;
  }
  header .clock {
    font-size: calc(40px * min(var(--_k), 1.1));
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  main {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 20px;
    padding: 24px 32px 32px;
  }
  header .tools {
    display: flex;
    align-items: center;
    gap: 16px;
    margin-left: auto;
  }
  /* "Chữ to": big, bright and labelled, on every screen. */
  .text-size {
    display: inline-flex;
    align-items: center;
    gap: 12px;
    min-height: 72px;
    padding: 6px 22px 6px 14px;
    font-size: calc(28px * min(var(--_k), 1.15));
    font-weight: 800;
    background: #ffd21f;
    color: #0b1b2b;
    border: 3px solid #ffd21f;
    white-space: nowrap;
  }
  .text-size[aria-pressed='true'] {
    background: #fff;
    border-color: #fff;
  }
  .text-size .icon {
    flex: none;
  }
  .notices:empty {
    display: none;
  }
  .notices {
    display: grid;
    gap: 12px;
    padding: 20px 32px 0;
  }
  .printer-note {
    display: flex;
    align-items: center;
    gap: 16px;
    margin: 0;
    padding: 12px 24px;
    font-size: calc(26px * var(--_k));
    font-weight: 700;
    background: var(--_warn-bg);
    color: var(--_warn-ink);
    border-radius: var(--_radius);
  }
  .lead {
    margin: 0;
    font-size: calc(34px * var(--_k));
    font-weight: 700;
  }
  qm-service-grid {
    flex: 1;
    min-height: 0;
  }
  .extras {
    display: grid;
    gap: 20px;
    grid-template-columns: 1fr;
  }
  .lookup,
  .priority-open {
    width: 100%;
    min-height: 110px;
    padding: 16px 28px;
    font-size: calc(34px * var(--_k));
    font-weight: 700;
    color: #fff;
    display: flex;
    align-items: center;
    gap: 20px;
    text-align: left;
  }
  .lookup {
    background: var(--_lookup);
  }
  /* Lookup and booking check-in share one row, so the services keep their room. */
  .extras {
    grid-template-columns: 1fr 1fr;
  }
  .extras > :not(.lookup):not(.checkin-open) {
    grid-column: 1 / -1;
  }
  .checkin-open {
    width: 100%;
    min-height: 110px;
    padding: 16px 28px;
    display: flex;
    align-items: center;
    gap: 24px;
    text-align: left;
    font-size: calc(34px * var(--_k));
    font-weight: 700;
    background: var(--qm-checkin, #4b2a7b);
    color: #ffffff;
  }
  .checkin-open .icon {
    flex: none;
  }
  .checkin-open small {
    display: block;
    font-size: calc(24px * var(--_k));
    font-weight: 500;
    margin-top: 4px;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 20px;
    justify-content: center;
  }
  .choices .btn {
    min-height: 110px;
    font-size: calc(34px * var(--_k));
  }
  .lookup .icon,
  .priority-open .icon {
    flex: none;
  }
  .priority-open {
    background: var(--_priority);
  }
  .band {
    display: flex;
    align-items: center;
    gap: 20px;
    flex-wrap: wrap;
  }
  .band h2 {
    margin: 0;
    font-size: calc(36px * var(--_k));
    color: var(--_priority);
    flex: 1;
  }
  .center {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 32px;
    text-align: center;
  }
  .center p {
    margin: 0;
    font-size: calc(40px * var(--_kb));
    max-width: 900px;
    line-height: 1.35;
  }
  .spinner {
    width: 96px;
    height: 96px;
    border: 12px solid #c9d6e3;
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .refused {
    color: var(--_danger);
  }
  .refused strong {
    display: block;
    font-size: calc(48px * var(--_kb));
    margin-bottom: 16px;
  }
  /* Elderly-first home: the priority groups first, large, above the services. */
  .priority-first {
    flex: none;
  }
  /* Large text and high contrast. */
  .frame.large {
    --_k: 1.4;
    --_kb: 1.2;
    --qm-text-scale: 1.4;
    --qm-tile-icon: 72px;
    --qm-tile-pad: 8px 18px;
    --qm-tile-gap: 14px;
    /* The picture beside the name only; the figures take the tile's whole width, so a range stays on one line. */
    --qm-tile-icon-rows: 1;
    --qm-tile-figures-columns: 1 / -1;
    --_ink: #000000;
    --qm-ink: #000000;
    --_muted: #111111;
    --qm-muted: #111111;
    --_primary: #111111;
    --qm-primary: #111111;
    --_priority: #111111;
    --qm-priority: #111111;
    --_lookup: #111111;
    --qm-lookup: #111111;
    --_line: #111111;
    --qm-line: #111111;
    --_paper: #ffffff;
    --qm-paper: #ffffff;
    background: #ffffff;
    color: #000000;
  }
  .frame.large header {
    background: #000000;
  }
  .frame.large main {
    gap: 16px;
    padding: 16px 24px 24px;
  }
  .frame.large .band h2 {
    color: #000000;
  }
  .frame.large .checkin-open {
    background: #111111;
  }
  .frame.large .checkin-open small {
    display: none;
  }
  /* Side by side at half the width: still larger than standard text, on two lines at most, so the services fit. */
  .frame.large .lookup,
  .frame.large .checkin-open {
    font-size: calc(26px * var(--_k));
  }
  .frame.large .lookup .icon,
  .frame.large .checkin-open .icon {
    width: 48px;
    height: 48px;
  }
  .frame.large .lookup,
  .frame.large .checkin-open,
  .frame.large .priority-open {
    min-height: 104px;
    padding: 12px 24px;
  }
  @container kiosk (min-width: 1400px) {
    .extras {
      grid-template-columns: 1fr 480px;
      align-items: end;
    }
    /* Landscape: the priority groups on the left, lookup and check-in stacked on the right. */
    .extras > :not(.lookup):not(.checkin-open) {
      grid-column: 1;
      grid-row: 1 / span 2;
    }
    .extras .checkin-open {
      grid-column: 2;
    }
    .priority-first + .lead + qm-service-grid + .extras {
      grid-template-columns: 1fr 1fr;
    }
    .priority-first + .lead + qm-service-grid + .extras .checkin-open {
      grid-column: auto;
    }
    .priority-first + .lead + qm-service-grid + .extras .lookup {
      min-height: 96px;
    }
  }
`;
