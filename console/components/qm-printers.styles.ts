import { css } from 'lit';

export const printersStyles = css`
  :host {
    display: block;
  }
  .intro {
    display: flex;
    align-items: baseline;
    gap: 1rem;
    margin-bottom: 0.75rem;
  }
  h1 {
    font-size: 1.4rem;
    margin: 0;
  }
  .layout {
    display: grid;
    /* The preview takes what the slip and its text need side by side; the job list gets the rest. */
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 1rem;
    align-items: start;
  }
  .printer {
    margin-bottom: 1rem;
    border-left: 8px solid var(--state-colour, var(--qm-line));
  }
  .phead {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }
  .phead h2 {
    margin: 0;
  }
  .phead .id {
    font-family: monospace;
  }
  .status {
    font-size: 1rem;
    padding: 0.2rem 0.8rem;
  }
  .detail {
    color: var(--qm-grey);
  }
  h3 {
    font-size: 0.95rem;
    margin: 0 0 0.4rem;
  }
  /* Tickets without a slip come first and stand apart from the job list below. */
  .unprinted {
    margin-bottom: 1.2rem;
  }
  td .badge {
    white-space: nowrap;
  }
  /* Same columns on every printer's card, so the cards read as one list. */
  table {
    table-layout: fixed;
  }
  .w-time {
    width: 11.5rem;
  }
  .w-kind {
    width: 10rem;
  }
  .w-ticket {
    width: 6.5rem;
  }
  .w-state {
    width: 11rem;
  }
  .w-attempts {
    width: 5rem;
  }
  .w-act {
    width: 6.5rem;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover td {
    background: #f1f5fb;
  }
  tbody tr[aria-selected='true'] td {
    background: #e3edf9;
  }
  tbody tr:focus-visible {
    outline: 3px solid #f9ab00;
    outline-offset: -3px;
  }
  td {
    vertical-align: middle;
  }
  td.time {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td.ticket {
    font-weight: 700;
  }
  td.err {
    color: var(--qm-red);
    overflow-wrap: anywhere;
  }
  td.act {
    text-align: right;
  }
  td.act button {
    min-height: 34px;
    padding: 0.2rem 0.8rem;
  }
  .preview {
    position: sticky;
    top: 1rem;
    min-width: 340px;
    max-width: 1100px;
    max-height: calc(100vh - 2rem);
    overflow: auto;
  }
  @media (max-width: 1600px) {
    /* Not enough room for both side by side: the text goes under the picture. */
    .preview {
      max-width: 640px;
    }
  }
  .message {
    min-height: 2.6rem;
  }
  .message p {
    margin: 0 0 0.5rem;
  }
  @media (max-width: 1200px) {
    .layout {
      grid-template-columns: 1fr;
    }
    .preview {
      position: static;
      max-height: none;
    }
  }
`;
