import crypto from 'node:crypto';
import { Client } from 'pg';
import { exampleEntityRefs } from './__testUtils__/exampleCatalog';
import { startFakeOidcProvider } from './__testUtils__/fakeOidcProvider';
import {
  ProductionBackend,
  startProductionBackend,
  waitUntilReady,
  writeAppDist,
} from './__testUtils__/productionBackend';

jest.setTimeout(420_000);

const postgresUrl = process.env.PORTAL_TEST_POSTGRES_URL;

/** Unique per run, so a match in a log or a page can only come from this run's config. */
const secret = (label: string) => `${label}-${crypto.randomBytes(12).toString('hex')}`;

/** The SLO plugin's refresh interval in this test: short, so several intervals pass. */
const SLO_REFRESH_SECONDS = 8;

/**
 * Two replicas of the real backend (src/index.ts, every plugin), started at the same time
 * with NODE_ENV=production, app-config.yaml + app-config.production.yaml and secrets from
 * the environment, on one real PostgreSQL, the way the Helm chart runs them.
 * scripts/test.sh starts PostgreSQL and sets PORTAL_TEST_POSTGRES_URL.
 */
describe('the production configuration: two replicas on one PostgreSQL', () => {
  if (!postgresUrl) {
    // Fails by throwing: without PostgreSQL there is nothing to assert.
    // eslint-disable-next-line jest/expect-expect
    it('needs PostgreSQL: run through scripts/test.sh, or set PORTAL_TEST_POSTGRES_URL', () => {
      throw new Error(
        'PORTAL_TEST_POSTGRES_URL is not set; scripts/test.sh starts PostgreSQL and sets it',
      );
    });
    return;
  }

  const admin = new URL(postgresUrl);
  const prefix = `portal_test_${process.pid}_`;
  const role = `portal_test_${process.pid}`;
  const ports = [17_000 + (process.pid % 1000), 18_000 + (process.pid % 1000)];
  const secrets = {
    POSTGRES_PASSWORD: secret('pg'),
    AUTH_GITHUB_CLIENT_SECRET: secret('github-client-secret'),
    AUTH_OIDC_CLIENT_SECRET: secret('oidc-client-secret'),
    AUTH_SESSION_SECRET: secret('session-secret'),
    PROMETHEUS_AUTHORIZATION: `Bearer ${secret('prometheus')}`,
    AWS_SECRET_ACCESS_KEY: secret('aws'),
    GITHUB_TOKEN: `ghp_${crypto.randomBytes(18).toString('hex')}`,
    PORTAL_TEST_SERVICE_TOKEN: secret('service-token'),
    DEPLOY_GATE_TOKEN: secret('deploy-gate'),
    FALCO_INGEST_TOKEN: secret('falco-ingest'),
  };
  const oidcClient = { id: 'portal-test-oidc', secret: secrets.AUTH_OIDC_CLIENT_SECRET };
  let oidc: Awaited<ReturnType<typeof startFakeOidcProvider>>;
  let backends: ProductionBackend[] = [];
  let readyAt: Date;
  const serviceAuth = { authorization: `Bearer ${secrets.PORTAL_TEST_SERVICE_TOKEN}` };

  function connectionTo(database: string, as?: { user: string; password: string }) {
    const target = new URL(admin);
    target.pathname = `/${database}`;
    if (as) {
      target.username = as.user;
      target.password = as.password;
    }
    return new Client({ connectionString: target.toString() });
  }

  async function query<T>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = connectionTo(database);
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async function pluginDatabases(): Promise<string[]> {
    const rows = await query<{ datname: string }>(
      'postgres',
      'SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname',
      [`${prefix}%`],
    );
    return rows.map(r => r.datname);
  }

  beforeAll(async () => {
    await query('postgres', `CREATE ROLE "${role}" LOGIN CREATEDB PASSWORD '${secrets.POSTGRES_PASSWORD}'`);
    oidc = await startFakeOidcProvider(oidcClient);
    const appModules = await writeAppDist();
    const env = {
      ...secrets,
      POSTGRES_HOST: admin.hostname,
      POSTGRES_PORT: admin.port || '5432',
      POSTGRES_USER: role,
      AUTH_GITHUB_CLIENT_ID: 'portal-test-github',
      AUTH_OIDC_METADATA_URL: oidc.metadataUrl,
      AUTH_OIDC_CLIENT_ID: oidcClient.id,
      // Nothing listens here: an unreachable Prometheus or bucket must not stop the backend.
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      TECHDOCS_S3_BUCKET: 'portal-test-docs',
      TECHDOCS_S3_ENDPOINT: 'http://127.0.0.1:9',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAPORTALTEST',
      NODE_PATH: appModules,
    };
    backends = ports.map(port =>
      startProductionBackend({
        port,
        env,
        // Only what a test run must own: ports, a database prefix, a service token for
        // reading, where the app bundle is, and a short SLO refresh interval.
        overrides: [
          'backend:',
          `  listen: { port: ${port} }`,
          `  database: { prefix: ${prefix} }`,
          '  auth:',
          // A list replaces the one below it: the deploy gate's entry is repeated.
          '    externalAccess:',
          '      - type: static',
          '        options: { token: "${DEPLOY_GATE_TOKEN}", subject: ci-deploy-gate }',
          '        accessRestrictions: [{ plugin: slo }]',
          '      - type: static',
          '        options: { token: "${PORTAL_TEST_SERVICE_TOKEN}", subject: production-test }',
          'app:',
          '  packageName: portal-test-app',
          'slo:',
          `  refresh: { frequency: { minutes: 0, seconds: ${SLO_REFRESH_SECONDS} } }`,
          'techdocs:',
          // mkdocs builds of every example are another test's business.
          '  prebuild: { schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 }, initialDelay: { hours: 1 } } }',
          '',
        ].join('\n'),
      }),
    );
    await waitUntilReady(backends, 300_000);
    readyAt = new Date();
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b.stop()));
    await oidc?.close();
    for (const db of await pluginDatabases()) {
      await query('postgres', `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    }
    await query('postgres', `DROP ROLE IF EXISTS "${role}"`);
  });

  async function entityRefs(backend: ProductionBackend): Promise<string[]> {
    const res = await fetch(
      `${backend.baseUrl}/api/catalog/entities?fields=kind,metadata.namespace,metadata.name`,
      { headers: serviceAuth },
    );
    expect(res.status).toBe(200);
    const entities: Array<{ kind: string; metadata: { namespace?: string; name: string } }> =
      await res.json();
    return entities
      .map(e => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLocaleLowerCase('en-US'))
      .sort();
  }

  /** Signs in through the real OIDC flow: start, the provider's redirect back, the handler. */
  async function signInWithOidc(backend: ProductionBackend, login: { sub: string; email: string }) {
    const start = await fetch(
      `${backend.baseUrl}/api/auth/oidc/start?env=production&scope=${encodeURIComponent('openid profile email')}`,
      { redirect: 'manual' },
    );
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe(`${oidc.issuer}/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(oidcClient.id);
    const code = oidc.issueCode(login, authorize.searchParams.get('nonce') ?? undefined);
    const callback = new URL(authorize.searchParams.get('redirect_uri')!);
    callback.searchParams.set('code', code);
    callback.searchParams.set('state', authorize.searchParams.get('state')!);
    // As a browser keeps them: cookies the response deletes (expired, empty) are not sent.
    const cookies = start.headers
      .getSetCookie()
      .filter(c => !/;\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(c) && !/^[^=]+=;/.test(c))
      .map(c => c.split(';')[0])
      .join('; ');
    const handler = await fetch(callback, { headers: { cookie: cookies }, redirect: 'manual' });
    const html = await handler.text();
    const encoded = /authResponse = decodeURIComponent\('([^']*)'\)/.exec(html)?.[1];
    if (!encoded) throw new Error(`no auth response in ${handler.status}: ${html.slice(0, 500)}`);
    const parsed = JSON.parse(decodeURIComponent(encoded));
    if (parsed.error) {
      // What went wrong is in the response; the cookies sent are half the story.
      parsed.error.message += ` (cookies sent: ${start.headers.getSetCookie().map(c => c.split('=')[0]).join(', ')})`;
    }
    return parsed as {
      type: string;
      response?: { backstageIdentity: { token: string; identity: { userEntityRef: string; ownershipEntityRefs: string[] } } };
      error?: { name: string; message: string };
    };
  }

  async function tokenFor(email: string): Promise<string> {
    const result = await signInWithOidc(backends[0], { sub: `idp|${email}`, email });
    if (!result.response) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(result.error)}`);
    return result.response.backstageIdentity.token;
  }

  it('both replicas migrate one set of plugin databases, and release the migration locks', async () => {
    const databases = await pluginDatabases();
    for (const pluginId of ['auth', 'catalog', 'scaffolder', 'search', 'slo', 'user-settings']) {
      expect(databases).toContain(`${prefix}${pluginId}`);
    }
    for (const database of databases) {
      const tables = await query<{ tablename: string }>(
        database,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '%migrations'",
      );
      for (const { tablename } of tables) {
        const [{ count }] = await query<{ count: string }>(database, `SELECT count(*) FROM "${tablename}"`);
        expect({ database, tablename, applied: Number(count) > 0 }).toEqual({ database, tablename, applied: true });
        // Two replicas migrating at once: each migration recorded exactly once.
        const duplicates = await query(database, `SELECT name FROM "${tablename}" GROUP BY name HAVING count(*) > 1`);
        expect({ database, tablename, duplicates }).toEqual({ database, tablename, duplicates: [] });
        const locks = await query<{ is_locked: number }>(database, `SELECT is_locked FROM "${tablename}_lock"`);
        expect(locks.every(l => l.is_locked === 0)).toBe(true);
      }
    }
    expect(backends[0].output()).not.toContain('Postgres search engine is not supported');
  });

  it('both replicas serve the same catalog, ingested once', async () => {
    const expected = exampleEntityRefs().map(r => r.toLocaleLowerCase('en-US'));
    const deadline = Date.now() + 120_000;
    let seen: string[][] = [];
    while (Date.now() < deadline) {
      seen = await Promise.all(backends.map(entityRefs));
      if (seen.every(refs => expected.every(ref => refs.includes(ref)))) break;
      await new Promise(r => setTimeout(r, 2000));
    }
    expect(seen[0]).toEqual(expect.arrayContaining(expected));
    expect(seen[1]).toEqual(seen[0]);
    const [{ rows, refs }] = await query<{ rows: string; refs: string }>(
      `${prefix}catalog`,
      'SELECT count(*) AS rows, count(DISTINCT entity_ref) AS refs FROM refresh_state',
    );
    expect(Number(rows)).toBe(Number(refs));
    expect(Number(refs)).toBe(seen[0].length);
  });

  it('runs each scheduled task once per interval across both replicas', async () => {
    // Scheduled work is coordinated through the database (global scope), not per replica.
    const taskIds: string[] = [];
    for (const database of await pluginDatabases()) {
      const hasTasks = await query(
        database,
        "SELECT 1 FROM pg_tables WHERE tablename = 'backstage_backend_tasks__tasks'",
      );
      if (hasTasks.length) {
        const rows = await query<{ id: string }>(database, 'SELECT id FROM backstage_backend_tasks__tasks');
        taskIds.push(...rows.map(r => r.id));
      }
    }
    expect(taskIds).toEqual(expect.arrayContaining(['slo-refresh']));

    // Watch the SLO refresh over several intervals. Each replica would run it every
    // interval on its own; coordinated, the two together run it once per interval.
    const windowStart = new Date(Math.max(Date.now(), readyAt.getTime()));
    const windowSeconds = SLO_REFRESH_SECONDS * 6;
    await new Promise(r => setTimeout(r, windowSeconds * 1000));
    const runs = backends
      .flatMap((backend, replica) =>
        backend
          .logLines()
          .filter(line => typeof line.message === 'string' && line.message.startsWith('SLO refresh:'))
          .map(line => ({ replica, at: new Date(line.timestamp!) })),
      )
      .filter(run => run.at >= windowStart)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    // Coordinated: about one run per interval in all (each replica alone would make as
    // many). Workers poll every few seconds, so single gaps vary around the interval.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(windowSeconds / SLO_REFRESH_SECONDS) + 1);
    // Runs are logged when they finish, so a slow first or fast last run (a loaded machine)
    // shortens the mean a little; both replicas running would halve it.
    const spanSeconds = (runs[runs.length - 1].at.getTime() - runs[0].at.getTime()) / 1000;
    expect(spanSeconds / (runs.length - 1)).toBeGreaterThan(SLO_REFRESH_SECONDS * 0.75);
    // Two replicas claiming the same interval would run it within the same moment.
    const gaps = runs.slice(1).map((run, i) => (run.at.getTime() - runs[i].at.getTime()) / 1000);
    expect(Math.min(...gaps)).toBeGreaterThan(1);
  });

  it('refuses API calls without a valid token', async () => {
    for (const backend of backends) {
      for (const route of ['/api/catalog/entities', '/api/slo/slos', '/api/scaffolder/v2/tasks']) {
        const none = await fetch(`${backend.baseUrl}${route}`);
        expect({ route, status: none.status }).toEqual({ route, status: 401 });
        const forged = await fetch(`${backend.baseUrl}${route}`, {
          headers: { authorization: `Bearer ${secret('not-a-token')}` },
        });
        expect({ route, status: forged.status }).toEqual({ route, status: 401 });
      }
    }
  });

  it('does not let a guest sign in', async () => {
    for (const backend of backends) {
      const res = await fetch(`${backend.baseUrl}/api/auth/guest/refresh?env=production`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      expect(res.status).toBe(403);
      const body = await res.text();
      expect(body).toContain('guest provider cannot be used outside of a development environment');
      expect(body).not.toMatch(/"token"/);
    }
  });

  it('publishes golden paths to GitHub only, not to a replica\'s disk', async () => {
    const res = await fetch(`${backends[0].baseUrl}/api/scaffolder/v2/actions`, { headers: serviceAuth });
    expect(res.status).toBe(200);
    const ids = ((await res.json()) as Array<{ id: string }>).map(a => a.id);
    expect(ids).toContain('publish:github');
    expect(ids).not.toContain('golden-path:publish:local');
  });

  it('offers GitHub sign-in with the configured OAuth app', async () => {
    const res = await fetch(`${backends[1].baseUrl}/api/auth/github/start?env=production`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(location.searchParams.get('client_id')).toBe('portal-test-github');
  });

  it('signs OIDC users in as their catalog User entity, on either replica', async () => {
    const result = await signInWithOidc(backends[0], {
      sub: 'idp|alex',
      email: 'alex.rivera@harbormarket.example',
    });
    expect(result.response?.backstageIdentity.identity).toMatchObject({
      userEntityRef: 'user:default/alex.rivera',
      ownershipEntityRefs: expect.arrayContaining(['user:default/alex.rivera', 'group:default/checkout']),
    });
    expect(oidc.tokenRequests.every(r => r.authorized)).toBe(true);
    // Issued by one replica, accepted by the other: the signing keys live in PostgreSQL.
    const token = result.response!.backstageIdentity.token;
    const me = await fetch(`${backends[1].baseUrl}/api/catalog/entities/by-name/user/default/alex.rivera`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);

    const stranger = await signInWithOidc(backends[1], { sub: 'idp|x', email: 'someone@elsewhere.example' });
    expect(stranger.response).toBeUndefined();
    expect(stranger.error?.message).toMatch(/user|found|sign/i);
  });

  it('denies a non-platform user platform-only actions, and lets owners act on their own', async () => {
    const alex = await tokenFor('alex.rivera@harbormarket.example');
    const priya = await tokenFor('priya.nair@harbormarket.example');
    const authorize = async (token: string, name: string) => {
      const res = await fetch(`${backends[1].baseUrl}/api/permission/authorize`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ id: '1', permission: { type: 'basic', name, attributes: {} } }] }),
      });
      expect(res.status).toBe(200);
      return (await res.json()).items[0].result;
    };
    // Listed in permission.platformOnly, defined by a plugin the policy does not import.
    expect(await authorize(alex, 'scorecards.evaluate')).toBe('DENY');
    expect(await authorize(priya, 'scorecards.evaluate')).toBe('ALLOW');

    // Removing a catalog location administers the catalog: platform only. The permission
    // is checked before the location is looked up, so for the platform member this one,
    // which does not exist, is a 404 and for anyone else a 403.
    const removeLocation = (token: string) =>
      fetch(`${backends[0].baseUrl}/api/catalog/locations/${crypto.randomUUID()}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      }).then(r => r.status);
    expect(await removeLocation(alex)).toBe(403);
    expect(await removeLocation(priya)).toBe(404);

    // Refreshing an entity: checkout's own, yes; the platform team's, no.
    const refresh = (entityRef: string) =>
      fetch(`${backends[0].baseUrl}/api/catalog/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alex}`, 'content-type': 'application/json' },
        body: JSON.stringify({ entityRef }),
      }).then(r => r.status);
    expect(await refresh('component:default/checkout-service')).toBe(200);
    expect(await refresh('component:default/api-gateway')).toBe(403);
  });

  it("lets the browser connect to the portal's own origin only", async () => {
    const connectSrc = (res: Response) =>
      (res.headers.get('content-security-policy') ?? '')
        .split(';')
        .map(directive => directive.trim().split(/\s+/))
        .find(([name]) => name === 'connect-src')
        ?.slice(1);
    expect(connectSrc(await fetch(`${backends[0].baseUrl}/`))).toEqual(["'self'"]);
    // The API answers with the same policy.
    expect(connectSrc(await fetch(`${backends[1].baseUrl}/api/catalog/entities`, { headers: serviceAuth }))).toEqual(["'self'"]);
  });

  it('keeps secrets from the environment out of the config the browser gets', async () => {
    const res = await fetch(`${backends[0].baseUrl}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const injected = /<script type="backstage.io\/config">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(injected).toBeDefined();
    // The browser does get its own config, so an empty injection cannot pass this test.
    expect(injected).toContain(backends[0].baseUrl);
    for (const [name, value] of Object.entries(secrets)) {
      expect({ name, inPage: html.includes(value) }).toEqual({ name, inPage: false });
    }
  });

  it('keeps secrets from the environment out of both replicas\' logs', () => {
    // Errors that could carry them did happen: Prometheus and the bucket are unreachable.
    expect(backends.map(b => b.output()).join('\n')).toContain('SLO refresh:');
    for (const backend of backends) {
      const output = backend.output();
      expect(output).toContain('Could not retrieve metadata about the AWS S3 bucket');
      for (const [name, value] of Object.entries(secrets)) {
        expect({ name, inLogs: output.includes(value) }).toEqual({ name, inLogs: false });
      }
    }
  });
});
