/**
 * Which credential the sync signs in to Graph with, from the environment, by the variables Azure's own
 * tools use: a static token (development), an app registration's secret or certificate, workload
 * identity (a federated token file), or a managed identity; none for a mock.
 */
import { ConfigError } from '../config.js';

interface AppIdentity {
  tenantId: string;
  clientId: string;
  /** AZURE_AUTHORITY_HOST: a national cloud's sign-in host. */
  authorityHost?: string;
}

export type CredentialChoice =
  | { kind: 'static'; token: string }
  | ({ kind: 'client-secret'; clientSecret: string } & AppIdentity)
  | ({ kind: 'client-certificate'; certificatePath: string; certificatePassword?: string; sendCertificateChain: boolean } & AppIdentity)
  | ({ kind: 'workload-identity'; tokenFilePath: string } & AppIdentity)
  | { kind: 'managed-identity'; clientId?: string }
  | { kind: 'none' };

export type CredentialKind = CredentialChoice['kind'];

/** Microsoft Graph's hosts, public and national clouds. */
const GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']);

export function isGraphHost(graphUrl: string): boolean {
  try {
    return GRAPH_HOSTS.has(new URL(graphUrl).hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** The token scope: the Graph cloud's own, or the public cloud's for anything else (a proxy to Graph). */
export function graphScope(graphUrl: string): string {
  return isGraphHost(graphUrl) ? `${new URL(graphUrl).origin}/.default` : 'https://graph.microsoft.com/.default';
}

export const CREDENTIAL_HELP =
  'set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) for an app registration; ' +
  'AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE for workload identity; ' +
  'IDENTITY_ENDPOINT (set by Azure hosting) or SSPR_GRAPH_MANAGED_IDENTITY=true (or a user-assigned identity\'s client id) for a managed identity; ' +
  'or SSPR_GRAPH_TOKEN with a bearer token, for development only';

const value = (env: NodeJS.ProcessEnv, name: string): string | undefined => env[name]?.trim() || undefined;

function appIdentity(env: NodeJS.ProcessEnv, what: string): AppIdentity {
  const tenantId = value(env, 'AZURE_TENANT_ID');
  const clientId = value(env, 'AZURE_CLIENT_ID');
  const missing = [!tenantId && 'AZURE_TENANT_ID', !clientId && 'AZURE_CLIENT_ID'].filter(Boolean);
  if (missing.length) throw new ConfigError(`${what} is set, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: the sync cannot sign in to Microsoft Graph`);
  const authorityHost = value(env, 'AZURE_AUTHORITY_HOST');
  return { tenantId: tenantId!, clientId: clientId!, ...(authorityHost ? { authorityHost } : {}) };
}

/** Throws a ConfigError naming the variables when real Graph is the upstream and nothing, or half of something, is set. */
export function chooseCredential(env: NodeJS.ProcessEnv, graphUrl: string): CredentialChoice {
  const token = value(env, 'SSPR_GRAPH_TOKEN');
  if (token) return { kind: 'static', token };
  const secret = value(env, 'AZURE_CLIENT_SECRET');
  if (secret) return { kind: 'client-secret', clientSecret: secret, ...appIdentity(env, 'AZURE_CLIENT_SECRET') };
  const certificatePath = value(env, 'AZURE_CLIENT_CERTIFICATE_PATH');
  if (certificatePath) {
    const certificatePassword = value(env, 'AZURE_CLIENT_CERTIFICATE_PASSWORD');
    return {
      kind: 'client-certificate',
      certificatePath,
      ...(certificatePassword ? { certificatePassword } : {}),
      sendCertificateChain: /^(1|true)$/i.test(value(env, 'AZURE_CLIENT_SEND_CERTIFICATE_CHAIN') ?? ''),
      ...appIdentity(env, 'AZURE_CLIENT_CERTIFICATE_PATH'),
    };
  }
  const tokenFilePath = value(env, 'AZURE_FEDERATED_TOKEN_FILE');
  if (tokenFilePath) return { kind: 'workload-identity', tokenFilePath, ...appIdentity(env, 'AZURE_FEDERATED_TOKEN_FILE') };
  // Azure sets IDENTITY_ENDPOINT (App Service, Functions, Container Apps, Arc) or MSI_ENDPOINT (Cloud
  // Shell); a VM's instance metadata service announces itself with nothing, hence the explicit switch.
  const managed = value(env, 'SSPR_GRAPH_MANAGED_IDENTITY');
  if (managed && !/^(0|false|no)$/i.test(managed)) {
    const clientId = /^(1|true|yes|system)$/i.test(managed) ? value(env, 'AZURE_CLIENT_ID') : managed;
    return { kind: 'managed-identity', ...(clientId ? { clientId } : {}) };
  }
  if (value(env, 'IDENTITY_ENDPOINT') || value(env, 'MSI_ENDPOINT')) {
    const clientId = value(env, 'AZURE_CLIENT_ID');
    return { kind: 'managed-identity', ...(clientId ? { clientId } : {}) };
  }
  // A mock (or a proxy that signs in itself) needs none; Graph always does.
  if (isGraphHost(graphUrl)) throw new ConfigError(`No credential for Microsoft Graph (${new URL(graphUrl).origin}): ${CREDENTIAL_HELP}.`);
  return { kind: 'none' };
}
