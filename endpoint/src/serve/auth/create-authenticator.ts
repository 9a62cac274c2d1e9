/** The viewer sign-in that SSPR_AUTH chose. */
import type { AuthConfig } from '../../config.js';
import { createBearerVerifier, type BearerVerifierOptions } from './bearer-verifier.js';
import { noSignIn } from './no-sign-in.js';
import { createProxyIdentity } from './proxy-identity.js';
import type { ViewerAuthenticator } from './viewer.js';

export function createAuthenticator(config: AuthConfig, options: BearerVerifierOptions = {}): ViewerAuthenticator {
  switch (config.mode) {
    case 'none':
      return noSignIn();
    case 'entra':
      return createBearerVerifier(config, options);
    case 'proxy':
      return createProxyIdentity(config);
  }
}
