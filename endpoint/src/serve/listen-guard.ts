import { isIP } from 'node:net';

/**
 * Until viewer sign-in exists, the endpoint answers anyone who can reach it with every user's
 * registration details: so it listens on the loopback interface only, and refuses any other address.
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
      `Refusing to listen on '${host}': without viewer sign-in, anyone who can reach the endpoint could read every user's registration details. ` +
        'Listen on 127.0.0.1 (the default) and put an authenticating reverse proxy in front of it.',
    );
  }
}

export function assertLoopback(host: string): void {
  if (!isLoopback(host)) throw new UnsafeListenAddressError(host);
}
