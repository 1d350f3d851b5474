import { css } from 'lit';

export const whatIfStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.3rem;
    margin: 0.25rem 0;
  }
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
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .bar input {
    width: 8.5rem;
  }
  .spacer {
    flex: 1;
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
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
    gap: 0.75rem;
    margin: 0.75rem 0;
  }
  .kpi {
    display: grid;
    gap: 0.2rem;
  }
  .kpi strong {
    font-size: 1.6rem;
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
  .charts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 1rem;
    margin-bottom: 1rem;
  }
  .block {
    margin-bottom: 1rem;
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
