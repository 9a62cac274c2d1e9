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
  /* One row always: on a narrow screen a label wraps inside its own option, the group's border stays whole. */
  .options {
    display: flex;
    flex-wrap: nowrap;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    width: fit-content;
    max-width: 100%;
  }
  .option {
    position: relative;
    display: flex;
    flex: 1 1 auto;
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
    display: flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    padding: 0.4rem 0.8rem;
    text-align: center;
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
