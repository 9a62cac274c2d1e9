/**
 * Sign-in on every request: the authenticator's viewer is put on the request before anything else
 * runs, or the request is refused (401/403, Graph-shaped). The probes (/healthz, /readyz, /metrics)
 * carry no user data and must answer orchestrators that hold no token; CORS preflights carry no
 * credentials by design.
 */
import type { EndpointFastify } from './fastify-app.js';
import type { FastifyRequest } from 'fastify';
import { MockHttpError } from '../../../src/mock/http-error.js';
import { ViewerAuthError, type Viewer, type ViewerAuthenticator } from './auth/viewer.js';

const SIGN_IN_RETRY_AFTER = 10;

declare module 'fastify' {
  interface FastifyRequest {
    viewer?: Viewer;
  }
}

export const PUBLIC_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const isPublic = (request: FastifyRequest) => request.method === 'OPTIONS' || PUBLIC_PATHS.has(request.url.split('?')[0]!);

export function installViewerSignIn(app: EndpointFastify, authenticator: ViewerAuthenticator): void {
  app.decorateRequest('viewer', undefined);
  app.addHook('onRequest', async (request) => {
    if (isPublic(request)) return;
    try {
      request.viewer = await authenticator.authenticate({ headers: request.headers, remoteAddress: request.socket.remoteAddress ?? '' });
    } catch (error) {
      if (error instanceof ViewerAuthError) throw error;
      // the sign-in service's metadata or keys could not be read: nobody can be checked, which is a
      // passing fault of ours, not the viewer's
      request.log.warn({ err: error }, 'viewer sign-in could not be checked');
      throw new MockHttpError(503, 'serviceNotAvailable', 'Sign-in could not be checked right now. Try again shortly.', { 'retry-after': String(SIGN_IN_RETRY_AFTER) });
    }
  });
}
