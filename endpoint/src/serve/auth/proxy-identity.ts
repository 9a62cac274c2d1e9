/**
 * Signs viewers in through a trusted reverse proxy (oauth2-proxy, an Entra application proxy
 * connector, …) that authenticated the viewer and says who it is in request headers. The headers
 * are believed only from the proxies' own addresses: anyone else could simply send them.
 */
import { compile } from 'proxy-addr';
import type { AuthConfig } from '../../config.js';
import { ViewerAuthError, type Viewer, type ViewerAuthenticator, type ViewerRequest } from './viewer.js';

export type ProxyAuthConfig = Extract<AuthConfig, { mode: 'proxy' }>;

/**
 * RFC 9110 wants a challenge on every 401. Sign-in happens at the proxy, so there is no scheme a
 * client could answer here; a made-up one says so and, unlike Basic, opens no password dialog.
 */
const CHALLENGE = 'Proxy realm="sspr-insights"';

export function createProxyIdentity(config: ProxyAuthConfig): ViewerAuthenticator {
  // proxy-addr matches IPv4-mapped IPv6 peers (::ffff:10.0.0.5) against IPv4 ranges and back.
  const trusted = compile(config.trustedProxies);
  const refuse = (message: string, reason: string) => new ViewerAuthError(401, 'InvalidAuthenticationToken', message, CHALLENGE, reason);

  return {
    mode: 'proxy',
    async authenticate(request: ViewerRequest): Promise<Viewer> {
      const peer = request.remoteAddress ?? '';
      if (!peer || !trusted(peer, 0)) {
        throw refuse('This endpoint only accepts requests through its sign-in proxy.', `peer ${peer || '(unknown)'} is not in SSPR_TRUSTED_PROXIES`);
      }
      const users = [...new Set(values(request.headers[config.userHeader]))];
      // Two different users in one request: a proxy that appended instead of replacing a client's header
      // (Node joins a repeated header into one value with ", ": a user name never has a comma).
      if (users.length !== 1 || users[0]!.includes(',')) {
        throw refuse('The sign-in proxy did not say who is signed in.', `${users.length ? 'conflicting' : 'no'} ${config.userHeader} header from proxy ${peer}`);
      }
      const viewer: Viewer = {
        id: users[0]!,
        name: users[0]!,
        roles: list(request.headers[config.rolesHeader]),
        groups: list(request.headers[config.groupsHeader]),
        via: 'proxy',
      };
      const { requiredRole, requiredGroup } = config;
      if (viewer.roles.includes(requiredRole) || (requiredGroup !== undefined && viewer.groups.includes(requiredGroup))) return viewer;
      const needs = requiredGroup ? `the role '${requiredRole}' or membership of the group '${requiredGroup}'` : `the role '${requiredRole}'`;
      throw new ViewerAuthError(
        403,
        'Authorization_RequestDenied',
        `Your account has no access to this reporting endpoint: it needs ${needs}. Ask an administrator to grant it to you.`,
        undefined,
        `viewer ${viewer.id} has roles [${viewer.roles.join(', ')}] and groups [${viewer.groups.join(', ')}]`,
        requiredRole,
      );
    },
  };
}

/** A header's trimmed, non-empty values (a header may arrive repeated, as an array). */
function values(header: string | string[] | undefined): string[] {
  return (Array.isArray(header) ? header : header === undefined ? [] : [header]).map((v) => v.trim()).filter(Boolean);
}

/** Roles or groups: proxies separate them with commas, some with semicolons or spaces. */
function list(header: string | string[] | undefined): string[] {
  return values(header).flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean);
}
