import { html, type TemplateResult } from 'lit';
export { payloadClient, activityPayload } from '../src/mock/payload-client.js';

let scenario = 0;
/** A mock endpoint with its own fault counters, so a story's fault happens each time it is shown. */
export const mockScenario = (spec: string) => `/mock/${spec};id=story-${Date.now().toString(36)}-${scenario++}`;

/** Dark tokens, as a page in dark mode would set them (declaring its scheme, so unset tokens match). */
export const darkTheme = `
  color-scheme: dark; background: #16181b; color: #e8eaee; padding: 1rem;
  --sspr-color-surface: #1d2025; --sspr-color-surface-raised: #262a31; --sspr-color-text: #e8eaee;
  --sspr-color-muted: #a3a9b6; --sspr-color-border: #3a3f48; --sspr-color-accent: #6cb0ff;
  --sspr-color-on-accent: #0b1526; --sspr-color-success: #4cc795; --sspr-color-failure: #ff7b8f;
  --sspr-color-skeleton: #2e333b; --sspr-color-focus: #6cb0ff;`;

/** A corporate theme: the host page's font, colours and square corners (a light page). */
export const corporateTheme = `
  color-scheme: light; padding: 1rem; background: #fbf7ef;
  --sspr-font-family: Georgia, 'Times New Roman', serif; --sspr-color-accent: #00573f;
  --sspr-color-on-accent: #ffffff; --sspr-color-surface: #ffffff; --sspr-color-border: #c9bfa9;
  --sspr-color-text: #2b2418; --sspr-radius: 0; --sspr-tile-value-size: 2.4rem;`;

export const themed = (style: string, content: TemplateResult) => html`<div style=${style}>${content}</div>`;
export const narrow = (content: TemplateResult) => html`<div style="width: 320px; border: 1px dashed #999">${content}</div>`;
