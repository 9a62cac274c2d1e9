import type { MsgFn } from '@lit/localize';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import { currentScope } from './scope.js';
import { templatesFor } from './templates.js';

// the tag alone: importing it from the package index would also bring its page-wide runtime
export { str } from '@lit/localize/internal/str-tag.js';

/**
 * @lit/localize's `msg`, looked up in the language of the element being rendered rather than in one
 * page-wide locale: the page may hold elements in several languages, and a host page that configures
 * @lit/localize for itself (which may be done only once per page) keeps working beside ours.
 * Messages are extracted and built by the @lit/localize tools (lit-localize.json).
 */
export const msg = ((template: Parameters<MsgFn>[0], options?: Parameters<MsgFn>[1]) =>
  runtimeMsg(templatesFor(currentScope().language), template, options)) as MsgFn;
