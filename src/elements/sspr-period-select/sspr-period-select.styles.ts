import { css } from 'lit';

export const periodSelectStyles = css`
  :host {
    display: inline-block;
    --_option-bg: var(--sspr-period-select-background, var(--_surface));
    --_checked-bg: var(--sspr-period-select-checked-background, var(--_accent));
    --_checked-fg: var(--sspr-period-select-checked-color, var(--_on-accent));
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.25rem;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    width: fit-content;
    max-width: 100%;
  }
  .option {
    position: relative;
    display: block;
    cursor: pointer;
    background: var(--_option-bg);
  }
  .option + .option {
    border-left: 1px solid var(--_border);
  }
  .option input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .option span {
    display: block;
    padding: 0.4rem 0.8rem;
    white-space: nowrap;
  }
  .option input:checked + span {
    background: var(--_checked-bg);
    color: var(--_checked-fg);
    font-weight: 600;
  }
  .option input:focus-visible + span {
    outline: 2px solid var(--_focus);
    outline-offset: -4px;
  }
  @media (forced-colors: active) {
    .option input:checked + span {
      outline: 2px solid Highlight;
    }
  }
`;
