import { css } from 'lit';
import { fontStack } from '../../fonts/font-stack';

export const ratingStyles = css`
  :host {
    display: block;
    height: 100vh;
    font-family: var(--qm-font, ${fontStack});
    color: #1f2329;
  }
  .screen {
    height: 100%;
    display: grid;
    grid-template-rows: auto 1fr;
    background: linear-gradient(#f6f9fc, #e8f0fa);
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
    padding: 0.8rem 1.5rem;
    background: #083f78;
    color: #fff;
    font-size: 1.2rem;
  }
  .dot {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: #f28b82;
  }
  .dot.on {
    background: #81c995;
  }
  main {
    display: grid;
    align-content: center;
    justify-items: center;
    gap: 1.2rem;
    padding: 1.5rem;
    text-align: center;
  }
  h1 {
    font-size: clamp(1.8rem, 3.4vw, 2.6rem);
    margin: 0;
    max-width: 30ch;
  }
  p {
    font-size: 1.4rem;
    margin: 0;
  }
  .en {
    display: block;
    font-size: 1rem;
    color: #5f6368;
  }
  .ticket {
    font-size: 1.6rem;
    font-weight: 700;
    color: #083f78;
  }
  /* Inside main only: the screen itself carries its phase as a class too ("screen idle"). */
  main .idle {
    display: grid;
    gap: 1rem;
    justify-items: center;
  }
  .faces {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 1.2rem;
    width: min(1100px, 96vw);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 18px;
    border: 2px solid #c5d3e6;
    background: #fff;
    touch-action: manipulation;
  }
  button:focus-visible {
    outline: 4px solid #f9ab00;
  }
  .face {
    display: grid;
    justify-items: center;
    gap: 0.4rem;
    padding: 1.2rem 0.5rem;
  }
  .face svg {
    width: min(150px, 16vw);
    height: auto;
  }
  .face .vi {
    font-size: 1.45rem;
    font-weight: 700;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.8rem;
    justify-content: center;
    max-width: 1000px;
  }
  .chip {
    padding: 0.9rem 1.4rem;
    font-size: 1.25rem;
    min-height: 64px;
  }
  .chip[aria-pressed='true'] {
    background: #0b5cab;
    border-color: #0b5cab;
    color: #fff;
  }
  .chip[aria-pressed='true'] .en {
    color: #dbe8f7;
  }
  .send {
    background: #0b5cab;
    border-color: #0b5cab;
    color: #fff;
    font-size: 1.5rem;
    font-weight: 700;
    padding: 1rem 3rem;
    min-height: 72px;
  }
  .send .en {
    color: #dbe8f7;
  }
  a.pair {
    display: inline-flex;
    align-items: center;
    gap: 0.6rem;
    text-decoration: none;
    border-radius: 12px;
    background: #0b5cab;
    color: #fff;
    font-size: 1.4rem;
    font-weight: 700;
    padding: 1rem 2.5rem;
    min-height: 72px;
  }
  a.pair .en {
    display: inline;
    color: #dbe8f7;
  }
  a.pair:focus-visible {
    outline: 4px solid #f9ab00;
    outline-offset: 3px;
  }
  .code {
    font-size: 2.4rem;
    font-weight: 800;
    letter-spacing: 0.06em;
    font-variant-numeric: tabular-nums;
  }
`;
