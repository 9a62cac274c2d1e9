/**
 * Every sentence the client shows to an admin, in one place. Each is a message of the reader's
 * language, worked out when it is shown (`ReportError.text`); `Error.message` keeps the English one for
 * logs. Messages explain what happened and what to do; Graph's own wording is kept separately on the error.
 */
import { formatDateTime, formatFromNow, formatList, formatSeconds, plural } from '../i18n/format.js';
import { msg, str } from '../i18n/msg.js';
import { REPORT_READER_ROLES, roleName, type RoutePermissions } from '../graph/permissions.js';

const roles = (p?: RoutePermissions) => formatList((p?.roles ?? REPORT_READER_ROLES).map(roleName), 'disjunction');
const reportName = (p?: RoutePermissions) => p?.report ?? msg('this report');

function permissionsNeeded(p: RoutePermissions): string {
  const permissions = formatList(p.delegated, 'conjunction');
  const who = roles(p);
  if (p.application) {
    return plural(p.delegated.length, {
      one: () => msg(str`It needs the ${permissions} permission (delegated or application), and a signed-in user needs one of these roles: ${who}.`),
      other: () => msg(str`It needs the ${permissions} permissions (delegated or application), and a signed-in user needs one of these roles: ${who}.`),
    });
  }
  return plural(p.delegated.length, {
    one: () => msg(str`It needs the ${permissions} permission (delegated only: app-only tokens are not supported for this report), and a signed-in user needs one of these roles: ${who}.`),
    other: () => msg(str`It needs the ${permissions} permissions (delegated only: app-only tokens are not supported for this report), and a signed-in user needs one of these roles: ${who}.`),
  });
}

export const ERROR_MESSAGES = {
  network: (): string =>
    msg('The report service could not be reached. Check the network connection and the endpoint address.'),
  timeout: (timeoutMs: number): string =>
    msg(str`The report service did not answer within ${formatSeconds(timeoutMs)}. Try again later.`),
  serverTimeout: (): string => msg('The report service timed out (HTTP 408). Try again later.'),
  unauthenticated: (): string =>
    msg('You are not signed in, or your sign-in has expired. Sign in again to view this report.'),
  tokenFailed: (): string => msg('A sign-in token could not be obtained. Sign in again to view this report.'),
  forbiddenRole: (p?: RoutePermissions): string =>
    msg(str`Your account is not allowed to read ${reportName(p)}. It needs one of these roles: ${roles(p)}.`),
  forbidden: (code?: string, p?: RoutePermissions): string => {
    const denied = code
      ? msg(str`Access to ${reportName(p)} was denied (Graph error code ${code}).`)
      : msg(str`Access to ${reportName(p)} was denied.`);
    return `${denied} ${p ? permissionsNeeded(p) : msg('Check your roles and the application permissions.')}`;
  },
  /** A reporting endpoint's own refusal: signed in, but without the app role (or group) it asks for. */
  endpointRole: (required: string): string =>
    msg(str`The reporting endpoint lets in only accounts with its app role ${required}. Ask an administrator to assign it to you.`),
  /** A reporting endpoint's own limit per viewer (not Graph's). */
  endpointThrottled: (retryAfterMs?: number): string =>
    retryAfterMs !== undefined
      ? msg(str`You sent the reporting endpoint too many requests in a short time. Try again in ${formatSeconds(retryAfterMs)}.`)
      : msg('You sent the reporting endpoint too many requests in a short time. Try again in a moment.'),
  license: (): string =>
    msg('This report needs a Microsoft Entra ID P1 or P2 license in this tenant (B2C tenants are not supported).'),
  throttled: (retryAfterMs?: number): string =>
    retryAfterMs !== undefined
      ? msg(str`Microsoft Graph is limiting requests for this tenant. Try again in ${formatSeconds(retryAfterMs)}.`)
      : msg('Microsoft Graph is limiting requests for this tenant. Try again in a moment.'),
  pausedUntil: (until: number): string =>
    msg(str`Microsoft Graph asked to pause requests for this tenant until ${formatDateTime(until)} (${formatFromNow(until)}). Try again then, or retry now if the pause has been lifted.`),
  server: (status?: number): string =>
    status
      ? msg(str`The report service had a problem (HTTP ${status}). Try again later.`)
      : msg('The report service had a problem. Try again later.'),
  malformed: (): string => msg('The report service sent a response that could not be read.'),
  foreignLink: (host: string): string =>
    msg(str`The report service pointed the next page at another site (${host}); it was not followed, so your sign-in is not sent there. The rows so far are shown.`),
  linkOutsideEndpoint: (path: string): string =>
    msg(str`The report service pointed the next page outside the report endpoint (${path}); it was not followed, so your sign-in is not sent there. The rows so far are shown.`),
  aborted: (): string => msg('The request was cancelled.'),
  badRequest: (graphMessage?: string): string =>
    graphMessage ? msg(str`The report service rejected the request: ${graphMessage}`) : msg('The report service rejected the request.'),
  notFound: (): string =>
    msg('This report was not found at the configured endpoint. Check the endpoint address and that it serves this report.'),
} as const;
