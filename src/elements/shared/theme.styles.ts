import { css } from 'lit';

/**
 * The global tokens every element reads, with light and dark defaults (`light-dark()` follows the
 * user's colour scheme). A host page sets any `--sspr-*` token (on :root or on the element) and it wins,
 * because the defaults are only each `var()`'s fallback. The manifest lists these tags on every element.
 *
 * @cssprop --sspr-color-surface - Global token: background of tiles, charts, the table and controls.
 * @cssprop --sspr-color-surface-raised - Global token: raised surfaces (table header, hover).
 * @cssprop --sspr-color-text - Global token: text, axis labels.
 * @cssprop --sspr-color-muted - Global token: secondary text.
 * @cssprop --sspr-color-border - Global token: borders and grid lines.
 * @cssprop --sspr-color-accent - Global token: accent (selected options, meters, links).
 * @cssprop --sspr-color-on-accent - Global token: text on the accent colour.
 * @cssprop --sspr-color-success - Global token: succeeded activity.
 * @cssprop --sspr-color-failure - Global token: failed activity and errors.
 * @cssprop --sspr-color-warning - Global token: warnings (throttling, partial results).
 * @cssprop --sspr-color-focus - Global token: the keyboard focus ring.
 * @cssprop --sspr-color-skeleton - Global token: loading placeholders.
 * @cssprop --sspr-font-family - Global token: font (also read into the charts).
 * @cssprop --sspr-font-size - Global token: base font size (default 0.875rem).
 * @cssprop --sspr-radius - Global token: corner radius (default 8px).
 * @cssprop --sspr-space - Global token: spacing unit (default 1rem).
 */
export const themeStyles = css`
  :host {
    color-scheme: light dark;
    --_surface: var(--sspr-color-surface, light-dark(#fff, #1d2025));
    --_surface-raised: var(--sspr-color-surface-raised, light-dark(#f5f6f8, #262a31));
    --_text: var(--sspr-color-text, light-dark(#1b1d21, #e8eaee));
    --_muted: var(--sspr-color-muted, light-dark(#5b6170, #a3a9b6));
    --_border: var(--sspr-color-border, light-dark(#d5d8de, #3a3f48));
    --_accent: var(--sspr-color-accent, light-dark(#0b62c4, #6cb0ff));
    --_on-accent: var(--sspr-color-on-accent, light-dark(#fff, #0b1526));
    --_success: var(--sspr-color-success, light-dark(#12805c, #4cc795));
    --_failure: var(--sspr-color-failure, light-dark(#c4314b, #ff7b8f));
    --_warning: var(--sspr-color-warning, light-dark(#8a5a00, #f0b64d));
    --_focus: var(--sspr-color-focus, light-dark(#0b62c4, #6cb0ff));
    --_skeleton: var(--sspr-color-skeleton, light-dark(#e6e8ec, #2e333b));
    --_font: var(--sspr-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--sspr-font-size, 0.875rem);
    --_radius: var(--sspr-radius, 8px);
    --_space: var(--sspr-space, 1rem);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
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
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
