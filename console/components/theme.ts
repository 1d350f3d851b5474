/** Design values of the console, as CSS custom properties with local fallbacks, and shared bits of style. */
import { css } from 'lit';
import { fontStack } from '../../fonts/font-stack';

export const theme = css`
  :host {
    --qm-blue: var(--qm-color-primary, #0b5cab);
    --qm-blue-dark: #083f78;
    --qm-green: #137333;
    --qm-amber: #b06000;
    --qm-red: #b3261e;
    --qm-grey: #5f6368;
    --qm-line: #d7dce3;
    --qm-bg: #f3f5f8;
    --qm-card: #fff;
    --qm-radius: 10px;
    font-family: var(--qm-font, ${fontStack});
    color: #1f2329;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 8px;
    border: 1px solid var(--qm-line);
    background: #fff;
    padding: 0.5rem 0.9rem;
    min-height: 40px;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }
  button.primary {
    background: var(--qm-blue);
    border-color: var(--qm-blue);
    color: #fff;
    font-weight: 600;
  }
  button.danger {
    color: var(--qm-red);
    border-color: #e6b8b5;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  a:focus-visible {
    outline: 3px solid #f9ab00;
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.45rem 0.6rem;
    border: 1px solid #b9c0ca;
    border-radius: 6px;
    background: #fff;
  }
  .card {
    background: var(--qm-card);
    border: 1px solid var(--qm-line);
    border-radius: var(--qm-radius);
    padding: 1rem 1.25rem;
  }
  .error {
    color: var(--qm-red);
  }
  .muted {
    color: var(--qm-grey);
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 600;
    background: #e8eaed;
  }
  .badge.priority {
    background: #fde7c6;
    color: #7a4100;
  }
  .badge.ok {
    background: #dcefe1;
    color: var(--qm-green);
  }
  .badge.warn {
    background: #fde7c6;
    color: var(--qm-amber);
  }
  .badge.bad {
    background: #f9dedc;
    color: var(--qm-red);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem 0.6rem;
    border-bottom: 1px solid var(--qm-line);
    vertical-align: top;
  }
  th {
    font-size: 0.85rem;
    color: var(--qm-grey);
    font-weight: 600;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0 0 0.75rem;
  }
  .toast {
    padding: 0.6rem 0.9rem;
    border-radius: 8px;
    background: #dcefe1;
    color: #0d5224;
  }
  .toast.error {
    background: #f9dedc;
    color: #8c1d18;
  }
`;

/**
 * The colour of a state, for the coloured edge of a card: the ticket a counter holds called or being served,
 * the counter paused, a printer's tone. Each screen draws its own edge with var(--state-colour, var(--qm-line)).
 */
export const stateColours = css`
  .called,
  .warn {
    --state-colour: var(--qm-amber);
  }
  .serving,
  .ok {
    --state-colour: var(--qm-green);
  }
  .paused,
  .bad {
    --state-colour: var(--qm-red);
  }
`;

/** Labelled fields of the admin forms: the caption above its input, a checkbox beside its caption. */
export const adminFields = css`
  label {
    display: grid;
    gap: 0.25rem;
    font-size: 0.9rem;
    font-weight: 600;
  }
  label.check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
`;

/** A single centred form (sign-in, password change). */
export const formPage = css`
  :host {
    display: grid;
    place-items: center;
    min-height: 70vh;
  }
  form {
    display: grid;
    gap: 0.8rem;
    width: min(420px, 92vw);
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
`;
