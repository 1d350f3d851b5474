import { css } from 'lit';

export const counterStyles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr);
    gap: 1rem;
    align-items: start;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 1rem;
    margin-bottom: 0.75rem;
  }
  h1 {
    font-size: 1.4rem;
    margin: 0;
    margin-right: auto;
  }
  .served {
    font-size: 1.05rem;
  }
  .served strong {
    font-size: 1.4rem;
    color: var(--qm-green);
  }
  button.small {
    min-height: 32px;
    padding: 0.2rem 0.6rem;
  }
  .held {
    min-height: 190px;
    display: grid;
    align-content: center;
    gap: 0.5rem;
    border-left: 8px solid var(--state-colour, var(--qm-line));
  }
  .held.paused {
    background: #fff7f6;
  }
  .held .none,
  .held .big {
    font-size: 1.6rem;
    font-weight: 700;
  }
  .row {
    display: flex;
    gap: 1.5rem;
    align-items: center;
  }
  .number {
    font-size: clamp(3.5rem, 7vw, 6rem);
    font-weight: 800;
    letter-spacing: 0.02em;
    color: var(--qm-blue-dark);
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }
  .row .reprint {
    margin-left: auto;
    align-self: flex-start;
  }
  .info {
    display: grid;
    gap: 0.25rem;
    font-size: 1.05rem;
  }
  .status {
    font-weight: 700;
    font-size: 1.15rem;
  }
  .booking {
    justify-self: start;
    padding: 0.1rem 0.5rem;
    border-radius: 6px;
    background: #e8f0fe;
    color: #0b3d91;
    font-weight: 600;
  }
  .booking span {
    white-space: nowrap;
  }
  .note {
    background: #fff8e1;
    padding: 0.25rem 0.5rem;
    border-radius: 6px;
  }
  .timers {
    display: flex;
    gap: 2rem;
    margin: 0;
  }
  .timers dt {
    font-size: 0.85rem;
    color: var(--qm-grey);
  }
  .timers dd {
    margin: 0;
    font-size: 1.35rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: grid;
    gap: 0.75rem;
    margin-top: 1rem;
  }
  .call-next {
    min-height: 84px;
    font-size: 1.6rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 0.6rem;
  }
  .grid button,
  .noshow button {
    min-height: 56px;
    width: 100%;
    font-size: 1.02rem;
  }
  button.ok {
    background: var(--qm-green);
    border-color: var(--qm-green);
    color: #fff;
    font-weight: 600;
  }
  kbd {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.3em;
    border: 1px solid currentColor;
    border-radius: 4px;
    font-size: 0.8em;
    font-family: inherit;
  }
  .message {
    min-height: 3rem;
    margin-top: 0.75rem;
  }
  .message p {
    margin: 0;
  }
  .side h2 {
    margin-top: 0.2rem;
  }
  .queue {
    margin-bottom: 0.6rem;
    padding: 0.7rem 0.9rem;
  }
  .qhead {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem;
  }
  .count {
    font-size: 1.6rem;
    font-weight: 700;
    color: var(--qm-blue);
  }
  .small-text {
    font-size: 0.9rem;
  }
  .late {
    color: var(--qm-red);
    font-weight: 700;
  }
  .next {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin-top: 0.45rem;
  }
  .chip {
    min-height: 34px;
    padding: 0.15rem 0.6rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .chip.prio {
    background: #fde7c6;
    border-color: #f3c27a;
  }
  .shortcuts {
    margin-top: 1rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.1rem;
    font-size: 0.9rem;
    color: var(--qm-grey);
  }
  @media (max-width: 1100px) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
`;
