import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, WorkloadIdentityCredential } from '@azure/identity';
import { chooseCredential, graphScope } from '../src/upstream/credential-choice.js';
import { createCredential, graphTokenSource } from '../src/upstream/credentials.js';

const GRAPH = 'https://graph.microsoft.com';
const MOCK = 'http://127.0.0.1:8080/graph';
const APP = { AZURE_TENANT_ID: 'tenant', AZURE_CLIENT_ID: 'client' };

test('a static token wins over everything (development)', async () => {
  const source = graphTokenSource({ SSPR_GRAPH_TOKEN: ' dev-token ', AZURE_CLIENT_SECRET: 's', ...APP }, GRAPH);
  assert.equal(source.kind, 'static');
  assert.equal(await source(), 'dev-token');
});

test("an app registration's secret, then its certificate, by EnvironmentCredential's variables", () => {
  assert.deepEqual(chooseCredential({ ...APP, AZURE_CLIENT_SECRET: 'shh', AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us' }, GRAPH), {
    kind: 'client-secret', clientSecret: 'shh', tenantId: 'tenant', clientId: 'client', authorityHost: 'https://login.microsoftonline.us',
  });
  assert.deepEqual(chooseCredential({ ...APP, AZURE_CLIENT_CERTIFICATE_PATH: '/run/cert.pem', AZURE_CLIENT_CERTIFICATE_PASSWORD: 'pw' }, GRAPH), {
    kind: 'client-certificate', certificatePath: '/run/cert.pem', certificatePassword: 'pw', sendCertificateChain: false, tenantId: 'tenant', clientId: 'client',
  });
  assert.ok(createCredential(chooseCredential({ ...APP, AZURE_CLIENT_SECRET: 'shh' }, GRAPH) as never) instanceof ClientSecretCredential);
  assert.ok(createCredential(chooseCredential({ ...APP, AZURE_CLIENT_CERTIFICATE_PATH: '/nowhere.pem' }, GRAPH) as never) instanceof ClientCertificateCredential);
  assert.equal(graphTokenSource({ ...APP, AZURE_CLIENT_SECRET: 'shh' }, GRAPH).kind, 'client-secret');
});

test('workload identity by its federated token file; managed identity by Azure hosting or the explicit switch', () => {
  const workload = chooseCredential({ ...APP, AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/token' }, GRAPH);
  assert.equal(workload.kind, 'workload-identity');
  assert.ok(createCredential(workload as never) instanceof WorkloadIdentityCredential);
  assert.deepEqual(chooseCredential({ IDENTITY_ENDPOINT: 'http://169.254.1.1/msi', AZURE_CLIENT_ID: 'user-assigned' }, GRAPH), {
    kind: 'managed-identity', clientId: 'user-assigned',
  });
  assert.deepEqual(chooseCredential({ MSI_ENDPOINT: 'http://localhost:50342/oauth2/token' }, GRAPH), { kind: 'managed-identity' });
  assert.deepEqual(chooseCredential({ SSPR_GRAPH_MANAGED_IDENTITY: 'true' }, GRAPH), { kind: 'managed-identity' });
  assert.deepEqual(chooseCredential({ SSPR_GRAPH_MANAGED_IDENTITY: 'b1a2…' }, GRAPH), { kind: 'managed-identity', clientId: 'b1a2…' });
  assert.ok(createCredential({ kind: 'managed-identity' }) instanceof ManagedIdentityCredential);
  assert.equal(graphTokenSource({ SSPR_GRAPH_MANAGED_IDENTITY: '1' }, GRAPH).kind, 'managed-identity');
});

test('nothing configured: no token for a loopback mock, a clear error for Graph', async () => {
  const none = graphTokenSource({}, MOCK);
  assert.equal(none.kind, 'none');
  assert.equal(await none(), undefined);
  assert.equal(graphTokenSource({ SSPR_GRAPH_MANAGED_IDENTITY: 'false' }, 'http://[::1]:9000').kind, 'none');
  assert.throws(() => graphTokenSource({}, GRAPH), (e: Error) => {
    assert.equal(e.name, 'ConfigError');
    for (const name of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_FEDERATED_TOKEN_FILE', 'IDENTITY_ENDPOINT', 'SSPR_GRAPH_TOKEN']) {
      assert.ok(e.message.includes(name), `names ${name}`);
    }
    return true;
  });
  assert.throws(() => graphTokenSource({ SSPR_GRAPH_URL: 'https://graph.microsoft.us' }), /graph\.microsoft\.us/, 'the URL from the environment by default');
});

test('half a configuration is an error even for a mock, naming what is missing', () => {
  assert.throws(() => chooseCredential({ AZURE_CLIENT_SECRET: 'shh', AZURE_CLIENT_ID: 'client' }, MOCK), /AZURE_TENANT_ID is not/);
  assert.throws(() => chooseCredential({ AZURE_FEDERATED_TOKEN_FILE: '/t' }, MOCK), /AZURE_TENANT_ID and AZURE_CLIENT_ID are not/);
});

test("the scope is the Graph cloud's own", () => {
  assert.equal(graphScope(GRAPH), 'https://graph.microsoft.com/.default');
  assert.equal(graphScope('https://graph.microsoft.us/'), 'https://graph.microsoft.us/.default');
  assert.equal(graphScope('https://microsoftgraph.chinacloudapi.cn'), 'https://microsoftgraph.chinacloudapi.cn/.default');
  assert.equal(graphScope(MOCK), 'https://graph.microsoft.com/.default');
});
