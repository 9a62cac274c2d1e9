/**
 * `graphTokenSource(env, graphUrl)`: the sync's bearer tokens for Graph, from the credential the
 * environment configures (credential-choice.ts), cached and refreshed ahead of expiry by
 * @azure/identity. Chosen once, at start, so a missing setting stops the start, not the first sync.
 */
import {
  ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, WorkloadIdentityCredential,
  getBearerTokenProvider, type TokenCredential,
} from '@azure/identity';
import { chooseCredential, graphScope, type CredentialChoice, type CredentialKind } from './credential-choice.js';

export type GraphTokenSource = (() => Promise<string | undefined>) & {
  /** Which credential, for the start-up log (never the secret itself). */
  readonly kind: CredentialKind;
};

/** The @azure/identity credential for a choice that signs in (not 'static' or 'none'). */
export function createCredential(choice: Exclude<CredentialChoice, { kind: 'static' | 'none' }>): TokenCredential {
  switch (choice.kind) {
    case 'client-secret':
      return new ClientSecretCredential(choice.tenantId, choice.clientId, choice.clientSecret, { authorityHost: choice.authorityHost });
    case 'client-certificate':
      return new ClientCertificateCredential(
        choice.tenantId,
        choice.clientId,
        { certificatePath: choice.certificatePath, certificatePassword: choice.certificatePassword },
        { authorityHost: choice.authorityHost, sendCertificateChain: choice.sendCertificateChain },
      );
    case 'workload-identity':
      return new WorkloadIdentityCredential({
        tenantId: choice.tenantId,
        clientId: choice.clientId,
        tokenFilePath: choice.tokenFilePath,
        authorityHost: choice.authorityHost,
      });
    case 'managed-identity':
      return choice.clientId ? new ManagedIdentityCredential({ clientId: choice.clientId }) : new ManagedIdentityCredential();
  }
}

export function graphTokenSource(env: NodeJS.ProcessEnv = process.env, graphUrl = env.SSPR_GRAPH_URL?.trim() || 'https://graph.microsoft.com'): GraphTokenSource {
  const choice = chooseCredential(env, graphUrl);
  let get: () => Promise<string | undefined>;
  if (choice.kind === 'static') {
    const token = choice.token;
    get = async () => token;
  } else if (choice.kind === 'none') {
    get = async () => undefined;
  } else {
    get = getBearerTokenProvider(createCredential(choice), graphScope(graphUrl));
  }
  return Object.assign(() => get(), { kind: choice.kind });
}
