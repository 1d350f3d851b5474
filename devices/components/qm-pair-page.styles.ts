/** Styles of the pairing page: read from a step away on a kiosk, a wall display or a tablet; touch targets ≥ 64 px. */
import { css } from 'lit';
import { fontStack } from '../../fonts/font-stack';

export const pairPageStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    --ink: #0b1b2b;
    --muted: #33475b;
    --primary: #0a4b8f;
    --line: #b8c4d0;
    --paper: #ffffff;
    --danger: #a00d15;
    font-family: ${fontStack};
    color: var(--ink);
    background: #f2f5f8;
    font-size: clamp(18px, 2.4vmin, 28px);
  }
  * {
    box-sizing: border-box;
  }
  .page {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }
  header {
    display: flex;
    align-items: center;
    gap: 1em;
    padding: 0.8em 1.2em;
    background: var(--primary);
    color: #fff;
  }
  h1 {
    margin: 0 auto 0 0;
    font-size: 1.5em;
  }
  main {
    flex: 1;
    display: grid;
    place-items: center;
    padding: 1.5em;
  }
  button,
  a.button {
    font: inherit;
    font-weight: 700;
    min-height: 64px;
    padding: 0.5em 1.4em;
    border-radius: 14px;
    cursor: pointer;
    touch-action: manipulation;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible {
    outline: 5px solid #ffb000;
    outline-offset: 3px;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .primary,
  a.button {
    background: var(--primary);
    color: #fff;
    border: none;
  }
  .secondary {
    background: var(--paper);
    color: var(--primary);
    border: 3px solid var(--primary);
  }
  header .lang {
    background: transparent;
    color: #fff;
    border: 2px solid rgba(255, 255, 255, 0.7);
    min-height: 48px;
    font-weight: 600;
  }
  form,
  section {
    width: min(100%, 900px);
    display: grid;
    gap: 1em;
    background: var(--paper);
    border: 1px solid var(--line);
    border-radius: 20px;
    padding: 1.5em;
  }
  .intro {
    margin: 0;
    font-size: 1.1em;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
  }
  legend {
    font-weight: 700;
    margin-bottom: 0.5em;
  }
  .kinds {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.6em;
  }
  .kind {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-height: 72px;
    padding: 0.5em 1em;
    border: 3px solid var(--line);
    border-radius: 14px;
    cursor: pointer;
    font-weight: 600;
  }
  .kind.chosen {
    border-color: var(--primary);
    background: #e7f0fa;
  }
  .kind input {
    flex: none;
    width: 28px;
    height: 28px;
    margin: 0;
    accent-color: var(--primary);
  }
  label.counter {
    display: grid;
    gap: 0.3em;
    font-weight: 700;
  }
  label.counter input {
    font: inherit;
    font-size: 1.4em;
    width: 6em;
    padding: 0.3em 0.5em;
    border: 2px solid var(--muted);
    border-radius: 10px;
  }
  .hint,
  .muted {
    color: var(--muted);
    font-weight: 400;
    margin: 0;
  }
  .notice {
    margin: 0;
    padding: 0.6em 1em;
    border-radius: 10px;
  }
  .notice.error {
    background: #fde8e7;
    color: var(--danger);
    border: 2px solid var(--danger);
    font-weight: 600;
  }
  header + .notice {
    margin: 1em 1.5em 0;
  }
  section {
    justify-items: center;
    text-align: center;
  }
  .code-label {
    margin: 0;
    font-size: 1.3em;
    color: var(--muted);
    font-weight: 600;
  }
  .code {
    margin: 0;
    font-size: clamp(72px, 16vmin, 220px);
    font-weight: 800;
    line-height: 1.05;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .instruction {
    margin: 0;
    font-size: 1.4em;
    font-weight: 700;
  }
  .waiting {
    display: flex;
    align-items: center;
    gap: 0.6em;
    margin: 0;
  }
  .spinner {
    width: 1.2em;
    height: 1.2em;
    border: 4px solid var(--line);
    border-top-color: var(--primary);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  h2 {
    margin: 0;
    font-size: 1.5em;
  }
  .revoked h2 {
    color: var(--danger);
  }
`;
