import { css } from 'lit';

export const insightsStyles = css`
  :host {
    display: block;
    --_columns-min: var(--sspr-insights-columns-min, 18rem);
  }
  .insights {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_columns-min)), 1fr));
    gap: calc(var(--_space) * 0.75);
  }
  .insight {
    min-width: 0;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* question 8 takes the whole width: its findings are lists of people */
  .insight[data-insight='suspicious'] {
    grid-column: 1 / -1;
  }
  .question {
    margin: 0 0 0.4rem;
    font-size: 1em;
    font-weight: 600;
  }
  .answer {
    margin: 0 0 0.5rem;
  }
  .change,
  .finding-why,
  .finding-more,
  .finding-none,
  .pending-rules,
  .missing-why {
    color: var(--_muted);
  }
  .change {
    display: block;
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .drill {
    font: inherit;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.75rem;
    width: 100%;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }
  .actions .drill {
    width: auto;
  }
  .drill:hover {
    border-color: var(--_accent);
  }
  .rank-label {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .rank-count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .ranking,
  .findings,
  .finding-users {
    display: grid;
    gap: 0.3rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .findings {
    gap: 0.75rem;
  }
  .finding-title {
    display: flex;
    gap: 0.5rem;
    margin: 0;
    font-weight: 600;
  }
  .finding-why {
    margin: 0.15rem 0 0.4rem 1.6rem;
    font-size: 0.9em;
  }
  .finding-users,
  .finding-none,
  .finding-more {
    margin-left: 1.6rem;
  }
  .marker {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.1rem;
    height: 1.1rem;
    border-radius: 50%;
    border: 1px solid currentColor;
    font-size: 0.8em;
  }
  .finding.found .marker {
    color: var(--_warning);
  }
  .finding:not(.found) .marker {
    color: var(--_success);
  }
  .missing p {
    margin: 0 0 0.4rem;
  }
  .pending .skeleton-line {
    display: block;
    height: 1rem;
    width: 80%;
  }
  .progress {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
  .insights:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
