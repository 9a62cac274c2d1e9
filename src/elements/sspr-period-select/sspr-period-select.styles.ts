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
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    width: fit-content;
    max-width: 100%;
  }
  .option {
    position: relative;
    display: flex;
    flex: 1 1 auto;
    min-width: 0;
    cursor: pointer;
    background: var(--_option-bg);
  }
  .option + .option {
    border-left: 1px solid var(--_control-border);
  }
  /* the options' backgrounds follow the group's rounded corners without overflow: hidden, which would
     clip the focus ring and the forced-colours outline */
  .option:first-child,
  .option:first-child span {
    border-start-start-radius: calc(var(--_radius) - 1px);
    border-end-start-radius: calc(var(--_radius) - 1px);
  }
  .option:last-child,
  .option:last-child span {
    border-start-end-radius: calc(var(--_radius) - 1px);
    border-end-end-radius: calc(var(--_radius) - 1px);
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
  /* A ring outside the option, in the focus colour, with a surface-coloured gap between it and the
     option: visible on the selected option too, whose background is the accent colour. */
  .option input:focus-visible + span {
    position: relative;
    z-index: 1;
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_surface);
  }
  @media (forced-colors: active) {
    .option input:checked + span {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .option input:focus-visible + span {
      outline: 2px solid CanvasText;
      outline-offset: 2px;
    }
  }
`;
