import { isIP } from 'node:net';
import type { AuthConfig } from '../config.js';

/**
 * Without viewer sign-in the endpoint answers anyone who can reach it with every user's
 * registration details: so without it, it listens on the loopback interface only (behind a proxy on
 * the same machine), and refuses any other address. With sign-in (Entra ID tokens, or a trusted
 * sign-in proxy) it may listen anywhere.
 */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

export class UnsafeListenAddressError extends Error {
  override name = 'UnsafeListenAddressError';
  constructor(host: string) {
    super(
      `Refusing to listen on '${host}' without viewer sign-in: anyone who can reach the endpoint could read every user's registration details. ` +
        'Set SSPR_AUTH=entra (Entra ID bearer tokens) or SSPR_AUTH=proxy (a trusted sign-in proxy), or listen on 127.0.0.1 (the default).',
    );
  }
}

export function assertListenAllowed(host: string, auth: AuthConfig['mode']): void {
  if (auth === 'none' && !isLoopback(host)) throw new UnsafeListenAddressError(host);
}
