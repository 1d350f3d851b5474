import { css } from 'lit';

export const reportStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
  .bar input {
    width: 8.5rem;
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    border-bottom: 1px solid var(--qm-line);
    margin-bottom: 0.75rem;
  }
  .tabs a {
    padding: 0.45rem 0.9rem;
    color: var(--qm-blue);
    text-decoration: none;
    border-bottom: 3px solid transparent;
    margin-bottom: -1px;
  }
  .tabs a[aria-current='page'] {
    color: inherit;
    font-weight: 700;
    border-bottom-color: var(--qm-blue);
  }
  .spacer {
    flex: 1;
  }
  a.csv {
    color: var(--qm-blue);
    padding: 0.4rem 0.5rem;
  }
  h1 {
    font-size: 1.3rem;
    margin: 0.25rem 0;
  }
  .kpis {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
    gap: 0.75rem;
    margin: 1rem 0;
  }
  .kpi {
    display: grid;
    gap: 0.2rem;
  }
  .kpi strong {
    font-size: 1.6rem;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 1rem;
    margin-bottom: 1rem;
  }
  .block {
    margin-bottom: 1rem;
    break-inside: avoid;
  }
  @media print {
    .noprint {
      display: none;
    }
    .card {
      border-color: #999;
    }
    .charts {
      grid-template-columns: 1fr 1fr;
    }
    qm-chart {
      --qm-chart-height: 200px;
    }
  }
`;
