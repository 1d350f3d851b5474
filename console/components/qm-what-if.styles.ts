import { css } from 'lit';

/** What the what-if screen adds to the reports' styles (qm-reports.styles.ts). */
export const whatIfStyles = css`
  h2 {
    font-size: 1.1rem;
    margin: 1rem 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
  }
  .intro {
    max-width: 70rem;
    margin: 0.25rem 0 0.75rem;
  }
  .small {
    font-size: 0.85rem;
  }
  .counters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(250px, 1fr));
    gap: 0.75rem;
    align-items: start;
  }
  fieldset.counter {
    margin: 0;
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  fieldset.counter legend {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0 0.25rem;
    max-width: 100%;
  }
  fieldset.counter legend strong {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  fieldset.counter legend .badge {
    flex: none;
    background: #e8f0fe;
    color: var(--qm-blue);
  }
  fieldset.closed {
    background: #f1f3f4;
  }
  fieldset.closed .services {
    opacity: 0.5;
  }
  .mode,
  .hours {
    display: grid;
    gap: 0.2rem;
    font-size: 0.9rem;
  }
  .services {
    display: grid;
    gap: 0.15rem;
  }
  .check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-size: 0.9rem;
  }
  .check input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  button.remove {
    justify-self: start;
    min-height: 32px;
    padding: 0.25rem 0.7rem;
  }
  button.add {
    min-height: 120px;
    border-style: dashed;
    color: var(--qm-blue);
    font-weight: 600;
  }
  .kpis {
    grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
  }
  .kpi strong {
    color: var(--qm-blue);
  }
  .better {
    color: var(--qm-green);
    font-weight: 600;
  }
  .worse {
    color: var(--qm-red);
    font-weight: 600;
  }
  td.predicted {
    font-weight: 600;
  }
  tr.total td {
    border-top: 2px solid var(--qm-line);
    font-weight: 600;
  }
  .toast.warn {
    background: #fef7e0;
    color: #7a4f01;
  }
  @media print {
    .noprint,
    form {
      display: none;
    }
  }
`;
