import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { PluginStatus } from '@internal/portal-common';
import net from 'node:net';
import request from 'supertest';
import { exampleEntityRefs } from './__testUtils__/exampleCatalog';
import { startPortalBackend } from './__testUtils__/portalBackend';

jest.setTimeout(180_000);

type Backend = Awaited<ReturnType<typeof startPortalBackend>>;

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/** A local port nothing listens on: one the system gave out and got back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** Resolves once the catalog serves every entity examples/ declares. */
async function catalogServesTheExamples(backend: Backend) {
  const declared = exampleEntityRefs();
  return waitFor('the catalog to serve the examples', async () => {
    const res = await request(backend.server).get('/api/catalog/entities');
    if (res.status !== 200) return undefined;
    const present = new Set(
      (res.body as Entity[]).map(e => stringifyEntityRef(e)),
    );
    return declared.every(ref => present.has(ref)) ? present.size : undefined;
  });
}

/** A cheap read of each of the portal's own plugins, and whether it should answer. */
const probes: Record<string, string> = {
  slo: '/api/slo/slos',
  cost: '/api/cost/overview',
  dora: '/api/dora/overview',
  falco: '/api/falco/overview',
  scorecards: '/api/scorecards/definitions',
  'platform-review': '/api/platform-review/weeks/current',
  'demo-cluster': '/api/demo-cluster/api/v1/pods',
};

async function expectOthersAnswer(backend: Backend, broken: string[]) {
  for (const [pluginId, path] of Object.entries(probes)) {
    if (broken.includes(pluginId)) continue;
    const res = await request(backend.server).get(path);
    expect({ pluginId, status: res.status }).toEqual({ pluginId, status: 200 });
  }
  // Backstage's own plugins answer too.
  expect(
    (await request(backend.server).get('/api/scaffolder/v2/templates')).status,
  ).not.toBe(503);
  expect(
    (await request(backend.server).get('/api/search/query?term=checkout'))
      .status,
  ).toBe(200);
  expect(
    (
      await request(backend.server).get(
        '/api/techdocs/static/docs/default/component/checkout-service/index.html',
      )
    ).status,
  ).not.toBe(503);
}

async function readiness(backend: Backend) {
  const res = await request(backend.server).get(
    '/.backstage/health/v1/readiness',
  );
  expect(res.status).toBe(200);
  return res.body.plugins as { running: string[]; notRunning: PluginStatus[] };
}

/** One backend, one misconfigured plugin: the start-up and the checks every case shares. */
function describeMisconfigured(options: {
  pluginId: string;
  what: string;
  config: JsonObject;
  setting: string;
  reason: RegExp;
  route: string;
  /** Further checks on the same backend, e.g. what consumers of the plugin's data say. */
  alsoChecks?: (backend: () => Backend) => void;
}) {
  const { pluginId, setting, reason, route } = options;
  describe(`${pluginId} with ${options.what}`, () => {
    let backend: Backend;
    let started = 0;
    beforeAll(async () => {
      started = Date.now();
      backend = await startPortalBackend(options.config);
      await catalogServesTheExamples(backend);
    });
    afterAll(async () => {
      await backend?.stop();
      // eslint-disable-next-line no-console
      console.log(
        `${pluginId} case: ${Math.round((Date.now() - started) / 1000)} s`,
      );
    });

    it('leaves the catalog serving the example entities and every other plugin answering', async () => {
      // beforeAll waited for every example entity; the catalog keeps serving them.
      const checkout = await request(backend.server).get(
        '/api/catalog/entities/by-name/component/default/checkout-service',
      );
      expect(checkout.status).toBe(200);
      await expectOthersAnswer(backend, [pluginId]);
    });

    it(`answers 503 with the reason on ${pluginId}'s routes and health`, async () => {
      const res = await request(backend.server).get(route);
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({
        name: 'PluginNotRunningError',
        pluginId,
        setting,
      });
      expect(res.body.error.message).toMatch(
        new RegExp(`^${pluginId} is not running: `),
      );
      expect(res.body.error.reason).toMatch(reason);
      const health = await request(backend.server).get(
        `/api/${pluginId}/health`,
      );
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        pluginId,
        status: 'not running',
        setting,
      });
    });

    it('says in readiness which plugins run', async () => {
      const plugins = await readiness(backend);
      expect(plugins.notRunning.map(p => p.pluginId)).toEqual([pluginId]);
      expect(plugins.notRunning[0].reason).toMatch(reason);
      expect(plugins.running).toEqual(
        expect.arrayContaining([
          'catalog',
          'scaffolder',
          'techdocs',
          'search',
          'permission',
          'app',
        ]),
      );
      expect(plugins.running).not.toContain(pluginId);
    });

    it('logs one line naming the setting to fix', () => {
      const lines = backend
        .logLines()
        .filter(
          l =>
            l.level === 'error' &&
            l.message.startsWith(`${pluginId} is not running`),
        );
      expect(lines).toHaveLength(1);
      expect(lines[0].message).toContain(`fix ${setting} and restart`);
      expect(lines[0].message).toMatch(reason);
    });

    options.alsoChecks?.(() => backend);
  });
}

describe('one plugin with a bad configuration never takes the portal down', () => {
  describeMisconfigured({
    pluginId: 'slo',
    what: 'a missing required setting (no demo data, no slo.prometheus)',
    config: { slo: { demo: { enabled: false } } },
    setting: 'slo.prometheus',
    reason: /slo\.prometheus lists no Prometheus/,
    route: '/api/slo/slos',
    alsoChecks: backend => {
      it("makes scorecards' SLO facts unavailable with the reason, not silently empty", async () => {
        await backend().triggerTask('scorecards-evaluate');
        const res = await request(backend().server).get(
          '/api/scorecards/overview',
        );
        const sources: Array<{
          id: string;
          available: boolean;
          error: string | null;
        }> = res.body.sources;
        const slo = sources.find(source => source.id === 'slo')!;
        expect(slo.available).toBe(false);
        expect(slo.error).toMatch(
          /^slo is not running: slo\.prometheus lists no Prometheus/,
        );
      });

      it("makes the weekly review's SLO indicator unavailable with the reason", async () => {
        const res = await request(backend().server).get(
          '/api/platform-review/weeks/current',
        );
        expect(res.status).toBe(200);
        expect(res.text).toMatch(
          /the slo plugin did not answer [^"]*: slo is not running: slo\.prometheus lists no Prometheus/,
        );
      });
    },
  });
  describeMisconfigured({
    pluginId: 'cost',
    what: 'a malformed URL',
    config: { cost: { kubecost: { baseUrl: 'kubecost.monitoring:9090' } } },
    setting: 'cost.kubecost.baseUrl',
    reason:
      /cost\.kubecost\.baseUrl is "kubecost\.monitoring:9090", which is not an http\(s\) URL/,
    route: '/api/cost/anomalies',
  });
  describeMisconfigured({
    pluginId: 'dora',
    what: 'a GitHub host with no integration (a missing setting)',
    config: {
      dora: {
        demo: { enabled: false },
        github: { host: 'github.example.com' },
      },
    },
    setting: 'dora.github.host',
    reason:
      /dora\.github\.host is "github\.example\.com", which has no integrations\.github entry/,
    route: '/api/dora/overview',
  });
  describeMisconfigured({
    pluginId: 'falco',
    what: 'a malformed value',
    config: { falco: { ingest: { maxBatchSize: 0 } } },
    setting: 'falco.ingest.maxBatchSize',
    reason:
      /falco\.ingest\.maxBatchSize must be a positive whole number, got 0/,
    route: '/api/falco/alerts',
  });
  describeMisconfigured({
    pluginId: 'scorecards',
    what: 'a definitions file that does not exist',
    config: { scorecards: { definitionsFile: '/nonexistent/scorecards.yaml' } },
    setting: 'scorecards.definitionsFile',
    reason:
      /scorecards\.definitionsFile is "\/nonexistent\/scorecards\.yaml", which does not exist/,
    route: '/api/scorecards/overview',
  });
  describeMisconfigured({
    pluginId: 'platform-review',
    what: 'a malformed time zone',
    config: { platformReview: { timeZone: 'Mars/Olympus_Mons' } },
    setting: 'platformReview.timeZone',
    reason:
      /platformReview\.timeZone "Mars\/Olympus_Mons" is not an IANA time zone/,
    route: '/api/platform-review/weeks/current',
  });
  describe('the golden-path module with a malformed AWS account ID', () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = await startPortalBackend({
        goldenPath: { aws: { accountId: '12345' } },
      });
      await catalogServesTheExamples(backend);
    });
    afterAll(() => backend?.stop());

    it('leaves the scaffolder and every plugin running, and readiness names the module', async () => {
      await expectOthersAnswer(backend, []);
      const plugins = await readiness(backend);
      expect(plugins.running).toContain('scaffolder');
      expect(plugins.notRunning).toEqual([
        expect.objectContaining({
          pluginId: 'scaffolder',
          moduleId: 'golden-path',
          setting: 'goldenPath.aws.accountId',
        }),
      ]);
    });

    it('keeps golden-path:validate, which fails with the reason before anything is created', async () => {
      const res = await request(backend.server).get(
        '/api/scaffolder/v2/actions',
      );
      const validate = (
        res.body as Array<{ id: string; description?: string }>
      ).find(a => a.id === 'golden-path:validate');
      expect(validate?.description).toMatch(
        /^golden-path is not running: goldenPath\.aws\.accountId is "12345"; it must be an AWS account ID: 12 digits/,
      );
    });

    it('logs one line naming the setting to fix', () => {
      const lines = backend
        .logLines()
        .filter(
          l =>
            l.level === 'error' &&
            l.message.startsWith('golden-path is not running'),
        );
      expect(lines).toHaveLength(1);
      expect(lines[0].message).toContain(
        'fix goldenPath.aws.accountId and restart',
      );
    });
  });

  describe('cost with an unreachable Kubecost (an outage, not a bad setting)', () => {
    let backend: Backend;
    let kubecostUrl = '';
    beforeAll(async () => {
      kubecostUrl = `http://127.0.0.1:${await closedPort()}`;
      backend = await startPortalBackend({
        cost: {
          demo: { enabled: false },
          kubecost: { baseUrl: kubecostUrl, timeout: { seconds: 2 } },
        },
      });
      await catalogServesTheExamples(backend);
    });
    afterAll(() => backend?.stop());

    it('keeps the plugin running (it recovers without a restart) and reports the source on every answer', async () => {
      expect(
        (await request(backend.server).get('/api/cost/health')).body,
      ).toMatchObject({ status: 'running' });
      await backend.triggerTask('cost-ingest');
      const overview = (await request(backend.server).get('/api/cost/overview'))
        .body;
      expect(overview.sources).toEqual([
        expect.objectContaining({
          source: 'kubecost',
          lastIngestedDay: null,
          lastError: expect.stringContaining(
            `Kubecost at ${kubecostUrl} did not answer`,
          ),
        }),
      ]);
      const anomalies = await request(backend.server).get(
        '/api/cost/anomalies',
      );
      expect(anomalies.status).toBe(200);
      expect(anomalies.body).toMatchObject({ asOf: null, anomalies: [] });
      expect(anomalies.body.sources[0].lastError).toBe(
        overview.sources[0].lastError,
      );
      await expectOthersAnswer(backend, []);
    });
  });

  describe('slo with an unreachable Prometheus (an outage, not a bad setting)', () => {
    let backend: Backend;
    let prometheusUrl = '';
    beforeAll(async () => {
      prometheusUrl = `http://127.0.0.1:${await closedPort()}`;
      backend = await startPortalBackend({
        slo: {
          demo: { enabled: false },
          prometheus: {
            default: { baseUrl: prometheusUrl, timeout: { seconds: 2 } },
          },
        },
      });
      await catalogServesTheExamples(backend);
    });
    afterAll(() => backend?.stop());

    it('keeps the plugin running and says on every SLO why it has no measurement', async () => {
      expect(
        (await request(backend.server).get('/api/slo/health')).body,
      ).toMatchObject({ status: 'running' });
      await backend.triggerTask('slo-refresh');
      const res = await request(backend.server).get('/api/slo/slos');
      expect(res.status).toBe(200);
      const items: Array<{ status: unknown; error: string | null }> =
        res.body.items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.status).toBeNull();
        expect(item.error).toEqual(expect.any(String));
      }
      await expectOthersAnswer(backend, []);
    });
  });

  describeMisconfigured({
    pluginId: 'demo-cluster',
    what: 'a value that is not a boolean',
    config: { demoCluster: { enabled: 'sometimes' } },
    setting: 'demoCluster.enabled',
    reason: /demoCluster\.enabled/,
    route: '/api/demo-cluster/api/v1/pods',
  });
});
