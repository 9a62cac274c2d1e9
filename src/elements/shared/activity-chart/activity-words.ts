import { msg, str } from '../../../i18n/msg.js';

/**
 * Every sentence a chart says, whole, per feature — rather than a noun spliced into one sentence, which
 * does not translate (Dutch and Chinese order and inflect the words differently).
 */
export interface ActivityWords {
  /** "Password resets, last 7 days: 412 succeeded, 37 failed" */
  totals(period: string, succeeded: string, failed: string): string;
  /** "No password resets in the last 7 days." */
  none(period: string): string;
  /** "Loading password resets…" */
  loading(): string;
  /** "Password resets by method": the data table's caption (the summary is said once, above it). */
  caption(): string;
  /** "Show 12 successful password resets with SMS" */
  show(status: 'success' | 'failure', count: string, method: string): string;
}

const RESET: ActivityWords = {
  totals: (period, succeeded, failed) => msg(str`Password resets, ${period}: ${succeeded} succeeded, ${failed} failed`),
  none: (period) => msg(str`No password resets in the ${period}.`),
  loading: () => msg('Loading password resets…'),
  caption: () => msg('Password resets by method'),
  show: (status, count, method) =>
    status === 'success' ? msg(str`Show ${count} successful password resets with ${method}`) : msg(str`Show ${count} failed password resets with ${method}`),
};

const REGISTRATION: ActivityWords = {
  totals: (period, succeeded, failed) => msg(str`Registrations, ${period}: ${succeeded} succeeded, ${failed} failed`),
  none: (period) => msg(str`No registrations in the ${period}.`),
  loading: () => msg('Loading registrations…'),
  caption: () => msg('Registrations by method'),
  show: (status, count, method) =>
    status === 'success' ? msg(str`Show ${count} successful registrations with ${method}`) : msg(str`Show ${count} failed registrations with ${method}`),
};

export const activityWords = (feature: 'registration' | 'reset'): ActivityWords => (feature === 'reset' ? RESET : REGISTRATION);
