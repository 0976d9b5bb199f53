import { createConfigSecretEnumerator } from '@backstage/backend-defaults/rootConfig';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { loadConfig, loadConfigSchema } from '@backstage/config-loader';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startEchoingUpstream } from './__testUtils__/echoingUpstream';
import { repoRoot } from './__testUtils__/exampleCatalog';
import { startFakeOidcProvider } from './__testUtils__/fakeOidcProvider';
import { ProductionBackend, startProductionBackend, waitUntilReady, writeAppDist } from './__testUtils__/productionBackend';

jest.setTimeout(600_000);

const postgresUrl = process.env.PORTAL_TEST_POSTGRES_URL;

/** Recognisable in any log or page: the setting's name and this run's marker. */
const runMarker = crypto.randomBytes(6).toString('hex');
const dummy = (name: string) => `dummy-${name}-${runMarker}`;

/**
 * Every credential the portal can be configured with, each from its environment variable
 * as in production: those app-config.production.yaml reads, and those of the plugins'
 * optional sources, set in the layer below.
 */
const secrets = {
  POSTGRES_PASSWORD: dummy('postgres-password'),
  AUTH_GITHUB_CLIENT_SECRET: dummy('github-client-secret'),
  AUTH_OIDC_CLIENT_SECRET: dummy('oidc-client-secret'),
  AUTH_SESSION_SECRET: dummy('session-secret'),
  GITHUB_TOKEN: `ghp_${dummy('github-token')}`,
  DEPLOY_GATE_TOKEN: dummy('deploy-gate-token'),
  FALCO_INGEST_TOKEN: dummy('falco-ingest-token'),
  PORTAL_TEST_SERVICE_TOKEN: dummy('service-token'),
  PROMETHEUS_AUTHORIZATION: `Bearer ${dummy('prometheus-authorization')}`,
  PROMETHEUS_API_KEY: dummy('prometheus-api-key'),
  KUBECOST_AUTHORIZATION: `Basic ${dummy('kubecost-authorization')}`,
  COST_AWS_ACCESS_KEY_ID: `AKIA${dummy('aws-access-key-id').toUpperCase()}`,
  COST_AWS_SECRET_ACCESS_KEY: dummy('aws-secret-access-key'),
  COST_AWS_SESSION_TOKEN: dummy('aws-session-token'),
  THROUGHPUT_AUTHORIZATION: `Bearer ${dummy('throughput-authorization')}`,
  KUBERNETES_SERVICE_ACCOUNT_TOKEN: dummy('kubernetes-token'),
};

/** The layer that sets every optional secret setting, pointing each source at `upstream`. */
function secretSettingsLayer(options: { port: number; prefix: string; upstream: string }) {
  const { port, prefix, upstream } = options;
  return `
backend:
  listen: { port: ${port} }
  database: { prefix: ${prefix} }
  auth:
    # A list replaces the one below it: the deploy gate's entry is repeated from
    # app-config.production.yaml, next to the token this test reads with.
    externalAccess:
      - type: static
        options: { token: "\${DEPLOY_GATE_TOKEN}", subject: ci-deploy-gate }
        accessRestrictions: [{ plugin: slo }]
      - type: static
        options: { token: "\${PORTAL_TEST_SERVICE_TOKEN}", subject: production-test }
app:
  packageName: portal-test-app
integrations:
  github:
    - host: github.com
      apiBaseUrl: ${upstream}/github
      token: \${GITHUB_TOKEN}
dora:
  # Again soon, in case the first refresh ran before the catalog listed any repository.
  refresh: { frequency: { seconds: 30 } }
slo:
  refresh: { frequency: { seconds: 10 } }
  prometheus:
    default:
      baseUrl: \${PROMETHEUS_URL}
      headers:
        Authorization: \${PROMETHEUS_AUTHORIZATION}
        X-Api-Key: \${PROMETHEUS_API_KEY}
cost:
  # Soon after the catalog has loaded, and again, so the unit queries run too.
  schedule: { frequency: { seconds: 30 }, initialDelay: { seconds: 30 } }
  kubecost:
    baseUrl: ${upstream}/model
    headers:
      Authorization: \${KUBECOST_AUTHORIZATION}
  aws:
    endpoint: ${upstream}/cost-explorer
    maxAttempts: 1
    credentials:
      accessKeyId: \${COST_AWS_ACCESS_KEY_ID}
      secretAccessKey: \${COST_AWS_SECRET_ACCESS_KEY}
      sessionToken: \${COST_AWS_SESSION_TOKEN}
  throughput:
    prometheus:
      baseUrl: ${upstream}/throughput
      headers:
        Authorization: \${THROUGHPUT_AUTHORIZATION}
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: echoing-cluster
          url: ${upstream}/k8s
          authProvider: serviceAccount
          serviceAccountToken: \${KUBERNETES_SERVICE_ACCOUNT_TOKEN}
          skipMetricsLookup: true
techdocs:
  prebuild: { schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 }, initialDelay: { hours: 1 } } }
`;
}

/**
 * The production backend with a recognisable dummy in every secret setting, every outside
 * system answering with errors that quote the credentials it was sent, and an identity
 * provider that is down: no secret may reach a log line, the config the browser gets,
 * `backstage-cli config:print`, or an answer of the API.
 */
describe('secrets in production', () => {
  if (!postgresUrl) {
    // eslint-disable-next-line jest/expect-expect
    it('needs PostgreSQL: run through scripts/test.sh, or set PORTAL_TEST_POSTGRES_URL', () => {
      throw new Error('PORTAL_TEST_POSTGRES_URL is not set; scripts/test.sh starts PostgreSQL and sets it');
    });
    return;
  }

  const admin = new URL(postgresUrl);
  const prefix = `portal_secrets_${process.pid}_`;
  const role = `portal_secrets_${process.pid}`;
  const port = 19_000 + (process.pid % 1000);
  let upstream: Awaited<ReturnType<typeof startEchoingUpstream>>;
  const oidcClient = { id: 'portal-secrets-test', secret: secrets.AUTH_OIDC_CLIENT_SECRET };
  let idp: Awaited<ReturnType<typeof startFakeOidcProvider>> | undefined;
  let idpIssuer: string;
  let idpAddress: string;
  let backend: ProductionBackend;
  let env: Record<string, string>;
  let layerFile: string;
  const serviceAuth = { authorization: `Bearer ${secrets.PORTAL_TEST_SERVICE_TOKEN}` };
  /** Every answer the API gave during the test, to search for secrets. */
  const answers: Array<{ what: string; status: number; body: string }> = [];

  async function adminQuery(sql: string) {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  async function call(what: string, url: string, init?: RequestInit) {
    const res = await fetch(`${backend.baseUrl}${url}`, { redirect: 'manual', ...init });
    const answer = { what, status: res.status, body: await res.text() };
    answers.push(answer);
    return answer;
  }

  beforeAll(async () => {
    upstream = await startEchoingUpstream();
    // An identity provider that was there once and is down now: nothing listens.
    idp = await startFakeOidcProvider(oidcClient);
    await idp.close();
    idpIssuer = idp.issuer;
    idpAddress = new URL(idp.issuer).host;
    await adminQuery(`CREATE ROLE "${role}" LOGIN CREATEDB PASSWORD '${secrets.POSTGRES_PASSWORD}'`);
    env = {
      ...secrets,
      POSTGRES_HOST: admin.hostname,
      POSTGRES_PORT: admin.port || '5432',
      POSTGRES_USER: role,
      AUTH_GITHUB_CLIENT_ID: 'portal-secrets-github',
      AUTH_OIDC_METADATA_URL: idp.metadataUrl,
      AUTH_OIDC_CLIENT_ID: 'portal-secrets-test',
      PROMETHEUS_URL: upstream.url,
      TECHDOCS_S3_BUCKET: 'portal-secrets-docs',
      TECHDOCS_S3_ENDPOINT: `${upstream.url}/s3`,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAPORTALSECRETSTEST',
      AWS_SECRET_ACCESS_KEY: dummy('aws-env-secret'),
      NODE_PATH: await writeAppDist(),
    };
    const overrides = secretSettingsLayer({ port, prefix, upstream: upstream.url });
    layerFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-secrets-')), 'app-config.secrets.yaml');
    fs.writeFileSync(layerFile, overrides);
    backend = startProductionBackend({ port, env, overrides });
    await waitUntilReady([backend], 300_000);
  });

  afterAll(async () => {
    await backend?.stop();
    await upstream?.close();
    await idp?.close().catch(() => {});
    const databases = await adminQuery(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
    for (const { datname } of databases) await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await adminQuery(`DROP ROLE IF EXISTS "${role}"`);
  });

  const configTargets = () => [
    { path: path.join(repoRoot, 'app-config.yaml') },
    { path: path.join(repoRoot, 'app-config.production.yaml') },
    { path: layerFile },
  ];

  /** The production config as the backend loads it, with this test's environment. */
  async function loadProductionConfig() {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      return (await loadConfig({ configRoot: repoRoot, configTargets: configTargets() })).appConfigs;
    } finally {
      process.env = saved;
    }
  }

  it('declares every credential setting secret, where the value is', async () => {
    // What the backend's logger redacts: the schema's secret values in the loaded config.
    const enumerate = await createConfigSecretEnumerator({
      logger: mockServices.rootLogger(),
      dir: path.join(repoRoot, 'packages/backend'),
    });
    const redacted = new Set(enumerate(ConfigReader.fromConfigs(await loadProductionConfig())));
    // AWS_SECRET_ACCESS_KEY is read by the AWS SDK from the environment, not from config.
    const configured = Object.entries(secrets).filter(([name]) => name !== 'AWS_SECRET_ACCESS_KEY');
    expect(configured.filter(([, value]) => !redacted.has(value)).map(([name]) => name)).toEqual([]);
  });

  it("sets a dummy in every secret setting the portal's own packages declare", async () => {
    // So that a secret setting added to a plugin later gets a dummy here, and every check below.
    const schema = await loadConfigSchema({ dependencies: ['backend', 'app'], packagePaths: [path.join(repoRoot, 'package.json')] });
    const declared: string[] = [];
    const walk = (node: any, at: string) => {
      if (!node || typeof node !== 'object') return;
      if (node.visibility === 'secret') declared.push(at);
      for (const [key, child] of Object.entries<any>(node.properties ?? {})) walk(child, at ? `${at}.${key}` : key);
      if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${at}.*`);
      if (node.items) walk(node.items, `${at}[]`);
    };
    for (const { path: schemaPath, value } of schema.serialize().schemas as Array<{ path: string; value: object }>) {
      if (!schemaPath.includes('node_modules')) walk(value, '');
    }
    expect(declared).toEqual(expect.arrayContaining(['falco.ingest.token', 'cost.aws.credentials.secretAccessKey']));

    const present: string[] = [];
    schema.process(await loadProductionConfig(), {
      visibility: ['secret'],
      valueTransform: (value, context) => {
        present.push(context.path);
        return value;
      },
    });
    const pattern = (setting: string) =>
      new RegExp(`^${setting.replace(/\./g, '\\.').replace(/\*/g, '[^.]+').replace(/\[\]/g, '\\[\\d+\\]')}$`);
    expect(declared.filter(setting => !present.some(p => pattern(setting).test(p)))).toEqual([]);
  });

  it('answers the OIDC start with 503 and a generic message while the identity provider is down, logs why, and recovers', async () => {
    const start = await call('oidc start', '/api/auth/oidc/start?env=production&scope=openid');
    expect({
      status: start.status,
      error: JSON.parse(start.body).error?.name,
      message: JSON.parse(start.body).error?.message,
      showsWhere: /127\.0\.0\.1|ECONNREFUSED|well-known/.test(start.body),
      // The details are for the operator, in the log.
      logged: backend.output().includes(idpAddress),
    }).toEqual({
      status: 503,
      error: 'ServiceUnavailableError',
      message: expect.stringMatching(/sign-in.*unavailable.*try again/i),
      showsWhere: false,
      logged: true,
    });

    // The provider comes back: sign-in works again without restarting the portal.
    idp = await startFakeOidcProvider(oidcClient, { port: Number(new URL(idpIssuer).port) });
    let status = 0;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && status !== 302; ) {
      status = (await fetch(`${backend.baseUrl}/api/auth/oidc/start?env=production&scope=openid`, { redirect: 'manual' })).status;
      if (status !== 302) await new Promise(r => setTimeout(r, 2000));
    }
    expect(status).toBe(302);
  });

  it('sends the credentials upstream and survives every upstream quoting them back', async () => {
    const requests: Array<[string, string, RequestInit?]> = [
      ['kubernetes services', '/api/kubernetes/services/checkout-service', {
        method: 'POST',
        headers: { ...serviceAuth, 'content-type': 'application/json' },
        body: JSON.stringify({ entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'checkout-service', annotations: { 'backstage.io/kubernetes-id': 'checkout-service' } } } }),
      }],
      ['falco ingest, wrong content type', '/api/falco/events', {
        method: 'POST',
        headers: { authorization: `Bearer ${secrets.FALCO_INGEST_TOKEN}`, 'content-type': `text/plain; token=${secrets.FALCO_INGEST_TOKEN}` },
        body: 'x',
      }],
    ];
    for (const [what, url, init] of requests) await call(what, url, init);

    const expectedUpstream = [
      secrets.PROMETHEUS_AUTHORIZATION,
      secrets.PROMETHEUS_API_KEY,
      secrets.KUBECOST_AUTHORIZATION,
      secrets.COST_AWS_ACCESS_KEY_ID,
      secrets.COST_AWS_SESSION_TOKEN,
      secrets.THROUGHPUT_AUTHORIZATION,
      secrets.GITHUB_TOKEN,
      secrets.KUBERNETES_SERVICE_ACCOUNT_TOKEN,
    ];
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline && !expectedUpstream.every(upstream.sawHeaderValue)) {
      await new Promise(r => setTimeout(r, 2000));
    }
    expect(expectedUpstream.filter(value => !upstream.sawHeaderValue(value))).toEqual([]);
    // The refreshes that got those errors have finished and recorded them.
    await new Promise(r => setTimeout(r, 15_000));
  });

  it('keeps every secret out of the API\'s answers, its error answers included', async () => {
    for (const [what, url] of [
      ['slo', '/api/slo/slos'],
      ['cost overview', '/api/cost/overview'],
      ['cost team', '/api/cost/teams/default/checkout'],
      ['cost service', '/api/cost/services/default/checkout-service'],
      ['cost unit cost', '/api/cost/unit-cost'],
      ['dora overview', '/api/dora/overview'],
      ['dora service', '/api/dora/services/default/checkout-service'],
      ['falco overview', '/api/falco/overview'],
      ['scorecards overview', '/api/scorecards/overview'],
      ['catalog with a secret in the query', `/api/catalog/entities?filter=metadata.name=${secrets.GITHUB_TOKEN}`],
    ]) {
      await call(what, url, { headers: serviceAuth });
    }
    // Secrets arriving with a request: a forged token, a user agent, a referrer, a URL.
    for (const [name, value] of Object.entries(secrets)) {
      await call(`request carrying ${name}`, `/api/catalog/entities?token=${encodeURIComponent(value)}`, {
        headers: { authorization: `Bearer ${value}`, 'user-agent': value, referer: `https://example.com/?t=${value}` },
      });
    }
    expect(answers.filter(a => a.status >= 500 && a.what !== 'oidc start')).toEqual([]);
    // A request's own secret may come back to it (a refused token is not quoted, but a
    // catalog filter is); no other secret may, in any answer.
    const leaks = answers.flatMap(answer =>
      Object.entries(secrets)
        .filter(([name, value]) => answer.body.includes(value) && answer.what !== `request carrying ${name}`)
        .map(([name]) => `${name} in ${answer.what}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps every secret out of the config the browser gets', async () => {
    const page = await call('index.html', '/');
    expect(page.status).toBe(200);
    const injected = /<script type="backstage.io\/config">([\s\S]*?)<\/script>/.exec(page.body)?.[1];
    expect(injected).toContain(backend.baseUrl);
    expect(Object.entries(secrets).filter(([, value]) => page.body.includes(value)).map(([name]) => name)).toEqual([]);
  });

  it('keeps every secret out of `backstage-cli config:print` of the production config', async () => {
    const print = (...flags: string[]) =>
      promisify(execFile)(
        'node',
        [
          require.resolve('@backstage/cli/bin/backstage-cli'),
          'config:print',
          ...configTargets().flatMap(t => ['--config', t.path]),
          ...flags,
        ],
        { cwd: repoRoot, env: { ...process.env, ...env, NODE_OPTIONS: '' }, maxBuffer: 64 * 1024 * 1024 },
      );
    const backendView = (await print()).stdout;
    const frontendView = (await print('--frontend')).stdout;
    expect(backendView).toContain('kubecost');
    expect(backendView).toContain('<secret>');
    const printed = (view: string) => Object.entries(secrets).filter(([, value]) => view.includes(value)).map(([name]) => name);
    expect({ backend: printed(backendView), frontend: printed(frontendView) }).toEqual({ backend: [], frontend: [] });
  });

  it('keeps every secret out of the log', () => {
    const output = backend.output();
    // Logging was provoked: upstream errors, refused requests.
    expect(output).toMatch(/echo of your request/);
    expect(output).toContain('"status":401');
    expect(Object.entries(secrets).filter(([, value]) => output.includes(value)).map(([name]) => name)).toEqual([]);
  });
});
