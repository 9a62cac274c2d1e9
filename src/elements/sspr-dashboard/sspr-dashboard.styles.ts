import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: var(--sspr-dashboard-gap, var(--_space));
  }
  .dashboard {
    display: grid;
    gap: var(--_gap);
    background: var(--sspr-dashboard-background, transparent);
    min-width: 0;
    padding: var(--sspr-dashboard-padding, calc(var(--_space) * 0.75));
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_gap);
  }
  .heading,
  ::slotted([slot='heading']) {
    margin: 0;
    font-size: 1.25rem;
  }
  .freshness {
    margin: 0;
    color: var(--_muted);
  }
  .charts {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: 1fr;
  }
  @container (min-width: 48rem) {
    .charts {
      grid-template-columns: 1fr 1fr;
    }
  }
  .chart-slot,
  .insights-slot,
  .details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
    min-width: 0;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  .placeholder {
    color: var(--_muted);
    margin: 0;
  }
  .details:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .details-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .details-head h3 {
    margin: 0;
  }
  .reports {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .report {
    font: inherit;
    padding: 0.2rem 0.7rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .report[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .report:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .details-filter {
    margin: 0;
    font-weight: 600;
  }
`;
