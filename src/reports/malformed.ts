import { ReportError } from '../client/errors.js';
import { msg, str } from '../i18n/msg.js';

/** The endpoint answered 200 with a body that is not the report's shape (`detail` stays technical English). */
export function malformed(report: string, detail: string): ReportError {
  return new ReportError('malformed', () => msg(str`The ${report} report came back in an unexpected shape (${detail}).`));
}
