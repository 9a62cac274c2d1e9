/**
 * No sign-in: everyone who can reach the endpoint is let in, known by their address. The app allows
 * this only when it listens on loopback, where the only callers are on the same machine.
 */
import type { Viewer, ViewerAuthenticator, ViewerRequest } from './viewer.js';

export function noSignIn(): ViewerAuthenticator {
  return {
    mode: 'none',
    async authenticate(request: ViewerRequest): Promise<Viewer> {
      return { id: request.remoteAddress, roles: [], groups: [], via: 'none' };
    },
  };
}
