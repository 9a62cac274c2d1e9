import { css } from 'lit';

/**
 * The global tokens every element reads, with light and dark defaults. A host page sets any
 * `--sspr-*` token (on :root or on the element) and it wins over these defaults, because the defaults
 * are only the fallback of each `var()`.
 */
export const themeStyles = css`
  :host {
    --_surface: var(--sspr-color-surface, #ffffff);
    --_surface-raised: var(--sspr-color-surface-raised, #f5f6f8);
    --_text: var(--sspr-color-text, #1b1d21);
    --_muted: var(--sspr-color-muted, #5b6170);
    --_border: var(--sspr-color-border, #d5d8de);
    --_accent: var(--sspr-color-accent, #0b62c4);
    --_on-accent: var(--sspr-color-on-accent, #ffffff);
    --_success: var(--sspr-color-success, #12805c);
    --_failure: var(--sspr-color-failure, #c4314b);
    --_warning: var(--sspr-color-warning, #8a5a00);
    --_focus: var(--sspr-color-focus, #0b62c4);
    --_font: var(--sspr-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--sspr-font-size, 0.875rem);
    --_radius: var(--sspr-radius, 8px);
    --_space: var(--sspr-space, 1rem);
    --_skeleton: var(--sspr-color-skeleton, #e6e8ec);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--sspr-color-surface, #1d2025);
      --_surface-raised: var(--sspr-color-surface-raised, #262a31);
      --_text: var(--sspr-color-text, #e8eaee);
      --_muted: var(--sspr-color-muted, #a3a9b6);
      --_border: var(--sspr-color-border, #3a3f48);
      --_accent: var(--sspr-color-accent, #6cb0ff);
      --_on-accent: var(--sspr-color-on-accent, #0b1526);
      --_success: var(--sspr-color-success, #4cc795);
      --_failure: var(--sspr-color-failure, #ff7b8f);
      --_warning: var(--sspr-color-warning, #f0b64d);
      --_focus: var(--sspr-color-focus, #6cb0ff);
      --_skeleton: var(--sspr-color-skeleton, #2e333b);
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
