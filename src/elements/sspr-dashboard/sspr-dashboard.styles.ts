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
  .details-filter {
    margin: 0;
    font-weight: 600;
  }
`;
