/**
 * How the reports tell two of Graph's 400s apart: a refusal of a query part this library sends although
 * Graph's reference does not document it, and an expired page token during long paging.
 */
import type { ReportError } from '../client/errors.js';
import type { ODataFilter } from './odata.js';

/** A query part Graph may refuse: the `$top` option, or one `$filter` clause on a named property. */
export interface OptionalPart {
  /** `$top`, or the property the clause filters on (`isAdmin`): what Graph's 400 names. */
  name: string;
  /** The clause (absent for `$top`). */
  filter?: ODataFilter;
}

const text = (error: ReportError): string => `${error.code ?? ''} ${error.graphMessage ?? ''}`.toLowerCase();

/**
 * The optional part a 400 refuses: the one its message names (`$top` as "top" too), else — when the
 * message names none of them — the first still sent, so a vague 400 costs one request per part at most.
 */
export function refusedPart(error: ReportError, sent: readonly OptionalPart[]): OptionalPart | undefined {
  if (sent.length === 0 || isExpiredPageToken(error)) return undefined;
  const message = text(error);
  const named = sent.find((p) => {
    const name = p.name.toLowerCase();
    return name === '$top' ? /\$?top\b/.test(message) : message.includes(name);
  });
  return named ?? sent[0];
}

/** Graph's "Token not found" (DirectoryPageTokenNotFoundException): the `$skiptoken` has expired. */
export function isExpiredPageToken(error: ReportError): boolean {
  return /directorypagetokennotfound|token not found|skiptoken.*(expired|not found|invalid)/.test(text(error));
}
