import { css } from 'lit';

/** The succeeded / failed colours, for the charts that draw those two (activity and trend). */
export const outcomeColorStyles = css`
  :host {
    --_chart-success: var(--sspr-chart-success, var(--_success));
    --_chart-failure: var(--sspr-chart-failure, var(--_failure));
  }
`;

export const activityChartStyles = css`
  :host {
    display: block;
    --_chart-bar-height: var(--sspr-chart-bar-height, 32px);
  }
  .summary {
    margin: 0 0 0.5rem;
  }
  .toolbar {
    display: flex;
    justify-content: flex-end;
    margin-bottom: 0.25rem;
  }
  .toggle {
    font: inherit;
    font-size: 0.9em;
    padding: 0.2rem 0.6rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .chart-box {
    position: relative;
  }
  .chart {
    width: 100%;
    min-width: 0;
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    display: grid;
    gap: 0.15rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    font-size: 0.9em;
    white-space: nowrap;
    pointer-events: none;
  }
  .tooltip-title {
    font-weight: 600;
  }
  .swatch {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-inline-end: 0.35em;
    border-radius: 2px;
    background: var(--_chart-success);
  }
  .swatch.failure {
    background: var(--_chart-failure);
  }
  .swatch.accent {
    background: var(--_accent);
  }
  .swatch.muted {
    background: var(--_muted);
  }
  .swatch.failure,
  .swatch.hatched {
    outline: 1px dashed var(--_text);
  }
  /* forced colours: the bars are one system colour, failures hatched; the swatches say the same */
  @media (forced-colors: active) {
    .swatch {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .swatch.failure,
    .swatch.hatched {
      background: repeating-linear-gradient(45deg, CanvasText 0 2px, Canvas 2px 4px);
      outline: 1px solid CanvasText;
    }
  }
  .chart-skeleton {
    height: 180px;
  }
  .empty {
    margin: 0;
    padding: 1.5rem 0;
    color: var(--_muted);
    text-align: center;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: end;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  .count {
    font: inherit;
    padding: 0.1rem 0.4rem;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) / 2);
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .count:hover {
    border-color: var(--_border);
  }
`;
