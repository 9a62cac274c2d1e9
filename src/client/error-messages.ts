/**
 * Every sentence the client shows to an admin, in one place so it can be localized later.
 * Messages explain what happened and what to do; Graph's own wording is kept separately on the error.
 */
import { REPORT_READER_ROLES, type RoutePermissions } from '../graph/permissions.js';

const seconds = (ms: number): string => {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
};

const clock = (time: number): string =>
  new Date(time).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

const fromNow = (time: number): string => {
  const minutes = Math.max(1, Math.round((time - Date.now()) / 60_000));
  if (minutes < 90) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `in about ${hours} hour${hours === 1 ? '' : 's'}`;
};

/** "a, b or c" */
const list = (items: readonly string[], last: 'and' | 'or'): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;


export const ERROR_MESSAGES = {
  network: (): string =>
    'The report service could not be reached. Check the network connection and the endpoint address.',
  timeout: (timeoutMs: number): string =>
    `The report service did not answer within ${seconds(timeoutMs)}. Try again later.`,
  serverTimeout: (): string => 'The report service timed out (HTTP 408). Try again later.',
  unauthenticated: (): string =>
    'You are not signed in, or your sign-in has expired. Sign in again to view this report.',
  tokenFailed: (): string => 'A sign-in token could not be obtained. Sign in again to view this report.',
  forbiddenRole: (p?: RoutePermissions): string =>
    `Your account is not allowed to read ${p?.report ?? 'this report'}. It needs one of these roles: ${list(p?.roles ?? REPORT_READER_ROLES, 'or')}.`,
  forbidden: (code?: string, p?: RoutePermissions): string =>
    `Access to ${p?.report ?? 'this report'} was denied${code ? ` (Graph error code ${code})` : ''}. ` +
    (p
      ? `It needs the ${list(p.delegated, 'and')} permission${p.delegated.length > 1 ? 's' : ''} ` +
        (p.application ? '(delegated or application)' : '(delegated only: app-only tokens are not supported for this report)') +
        `, and a signed-in user needs one of these roles: ${list(p.roles, 'or')}.`
      : 'Check your roles and the application permissions.'),
  license: (): string =>
    'This report needs a Microsoft Entra ID P1 or P2 license in this tenant (B2C tenants are not supported).',
  throttled: (retryAfterMs?: number): string =>
    'Microsoft Graph is limiting requests for this tenant. ' +
    (retryAfterMs !== undefined ? `Try again in ${seconds(retryAfterMs)}.` : 'Try again in a moment.'),
  pausedUntil: (until: number): string =>
    `Microsoft Graph asked to pause requests for this tenant until ${clock(until)} (${fromNow(until)}). ` +
    'Try again then, or retry now if the pause has been lifted.',
  server: (status?: number): string =>
    `The report service had a problem${status ? ` (HTTP ${status})` : ''}. Try again later.`,
  malformed: (): string => 'The report service sent a response that could not be read.',
  foreignLink: (host: string): string =>
    `The report service pointed the next page at another site (${host}); it was not followed, so your sign-in is not sent there. The rows so far are shown.`,
  linkOutsideEndpoint: (path: string): string =>
    `The report service pointed the next page outside the report endpoint (${path}); it was not followed, so your sign-in is not sent there. The rows so far are shown.`,
  aborted: (): string => 'The request was cancelled.',
  badRequest: (graphMessage?: string): string =>
    `The report service rejected the request${graphMessage ? `: ${graphMessage}` : '.'}`,
  notFound: (): string =>
    'This report was not found at the configured endpoint. Check the endpoint address and that it serves this report.',
} as const;
