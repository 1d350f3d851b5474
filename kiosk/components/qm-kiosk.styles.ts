import { css } from 'lit';

/** Layout of the kiosk root. Portrait (1080 wide) stacks; 1400 px and wider spreads out. */
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
    height: 100%;
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  header {
    display: flex;
    align-items: center;
    gap: 24px;
    padding: 20px 32px;
    background: #0a2540;
    color: #fff;
  }
  header h1 {
    flex: 1;
    margin: 0;
    font-size: 34px;
    line-height: 1.2;
  }
  header .clock {
    font-size: 40px;
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
    font-size: 26px;
    font-weight: 700;
    background: var(--_warn-bg);
    color: var(--_warn-ink);
    border-radius: var(--_radius);
  }
  .lead {
    margin: 0;
    font-size: 34px;
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
    font-size: 34px;
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
    font-size: 36px;
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
    font-size: 40px;
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
    font-size: 48px;
    margin-bottom: 16px;
  }
  @container kiosk (min-width: 1400px) {
    .extras {
      grid-template-columns: 1fr 480px;
      align-items: end;
    }
    .lookup {
      min-height: 180px;
    }
  }
`;
