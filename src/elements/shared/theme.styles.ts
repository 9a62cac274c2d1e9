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
 * @cssprop --sspr-color-control-border - Global token: borders of inputs, selects and buttons (≥ 3:1 against the surface).
 *
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
  /* The page decides light or dark (color-scheme inherits; a page that declares none is light), and
     every element paints its own surface under its text, so a dark OS on a light page, or a page
     background of any colour, never leaves light text on a light page or dark on dark. */
  :host {
    background-color: var(--_surface);
    --_surface: var(--sspr-color-surface, light-dark(#fff, #1d2025));
    --_text: var(--sspr-color-text, light-dark(#1b1d21, #e8eaee));
    /* the neutral shades are mixed from the surface and the text, so a page that themes only those two
       (a partial theme) keeps readable secondary text, headers and borders */
    --_surface-raised: var(--sspr-color-surface-raised, color-mix(in srgb, var(--_text) 5%, var(--_surface)));
    --_muted: var(--sspr-color-muted, color-mix(in srgb, var(--_text) 74%, var(--_surface)));
    --_border: var(--sspr-color-border, color-mix(in srgb, var(--_text) 18%, var(--_surface)));
    --_control-border: var(--sspr-color-control-border, color-mix(in srgb, var(--_text) 60%, var(--_surface)));
    --_accent: var(--sspr-color-accent, light-dark(#0b62c4, #6cb0ff));
    --_on-accent: var(--sspr-color-on-accent, light-dark(#fff, #0b1526));
    --_success: var(--sspr-color-success, light-dark(#12805c, #4cc795));
    --_failure: var(--sspr-color-failure, light-dark(#c4314b, #ff7b8f));
    --_warning: var(--sspr-color-warning, light-dark(#8a5a00, #f0b64d));
    --_focus: var(--sspr-color-focus, light-dark(#0b62c4, #6cb0ff));
    --_skeleton: var(--sspr-color-skeleton, color-mix(in srgb, var(--_text) 10%, var(--_surface)));
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
