import { css } from 'lit';

/**
 * What the province's administration screens (centers, publishing, accounts) share: the add form beside its list,
 * the list's card with its header and rows (a second line under a cell, a state badge, the buttons at the end of a
 * row), the notice above them, and a secret shown once (a center's enrolment code, a temporary password) with its
 * copy button.
 */
export const adminStyles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(360px, 440px) 1fr;
    gap: 1.25rem;
    align-items: start;
  }
  form.add label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.9rem;
  }
  form.add input,
  form.add select {
    display: block;
    width: 100%;
    margin-top: 0.3rem;
    font-weight: 400;
  }
  .hint {
    display: block;
    font-weight: 400;
    font-size: 0.88rem;
    color: var(--qm-grey);
    margin-top: 0.25rem;
  }
  button.primary {
    min-height: 44px;
  }
  .table {
    padding: 0;
    overflow: hidden;
  }
  .table h2 {
    margin: 1rem 1.25rem 0.25rem;
  }
  .table > p {
    margin: 0 1.25rem 0.75rem;
  }
  th {
    background: #f7f8fa;
    padding: 0.6rem 0.8rem;
    color: #3c4043;
  }
  td {
    padding: 0.55rem 0.8rem;
    vertical-align: middle;
  }
  td.actions {
    white-space: nowrap;
    text-align: right;
  }
  td.actions button + button {
    margin-left: 0.4rem;
  }
  .sub {
    display: block;
    font-size: 0.85rem;
    color: var(--qm-grey);
  }
  td > .badge {
    font-size: 0.9rem;
    padding: 0.15rem 0.65rem;
  }
  td > .badge.off {
    background: #e8eaed;
    color: #3c4043;
  }
  .toast {
    margin: 0 0 1rem;
  }
  .shown-once {
    border: 3px solid var(--qm-blue);
    background: #eef4fb;
    border-radius: var(--qm-radius);
    padding: 1.1rem 1.4rem;
    margin-bottom: 1.25rem;
  }
  .shown-once .once {
    font-weight: 600;
    color: #6b3a00;
    background: #fde7c6;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
  }
  .shown-row {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .shown-row input {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-weight: 700;
    padding: 0.3rem 0.6rem;
    border: 2px solid var(--qm-blue-dark);
    color: #0b1f33;
  }
`;
