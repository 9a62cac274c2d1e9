import type { MsgFn } from '@lit/localize';
import { defaultMsg as sourceText } from '@lit/localize/internal/default-msg.js';
import { currentScope } from './scope.js';
import { lookUp, templatesFor } from './templates.js';

// the tag alone: importing it from the package index would also bring its page-wide runtime
export { str } from '@lit/localize/internal/str-tag.js';

/**
 * @lit/localize's `msg`, looked up in the language of the element being rendered rather than in one
 * page-wide locale: the page may hold elements in several languages, and a host page that configures
 * @lit/localize for itself (which may be done only once per page) keeps working beside ours. English is
 * the source text as it stands; the lookup code arrives with the first translation.
 * Messages are extracted and built by the @lit/localize tools (lit-localize.json, scripts/localize.mjs).
 */
export const msg = ((template: Parameters<MsgFn>[0], options?: Parameters<MsgFn>[1]) => {
  const templates = templatesFor(currentScope().language);
  const find = lookUp();
  return templates && find ? find(templates, template, options) : source(template);
}) as MsgFn;

// Typed as a plain function: the extractor takes any call of a `msg`-typed function for a message.
const source = sourceText as (template: Parameters<MsgFn>[0]) => ReturnType<MsgFn>;
