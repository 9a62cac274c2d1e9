import { ReportError } from '../client/errors.js';

/** The endpoint answered 200 with a body that is not the report's shape. */
export function malformed(report: string, detail: string): ReportError {
  return new ReportError('malformed', `The ${report} report came back in an unexpected shape (${detail}).`);
}
