import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import scorecardsPlugin from '@internal/plugin-scorecards-backend';
import sloPlugin, { SloStatusStore } from '@internal/plugin-slo-backend';
import {
  computeSloStatus,
  DEFAULT_FREEZE_POLICY,
  evaluateFreeze,
  SLO_REPORTING_WINDOWS,
  SloDefinition,
} from '@internal/plugin-slo-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { scorecardsModuleSlo } from './module';

jest.setTimeout(60_000);

const DEFINITIONS = `
levels: [bronze, silver]
scorecards:
  - id: reliability
    title: Reliability
    checks:
      - { id: slo-defined, title: SLO defined, level: bronze, fact: slo.defined, howToFix: Add an OpenSLO document, link: /slo }
      - { id: slo-budget, title: Budget left, level: silver, fact: slo.budgetLeft, howToFix: Spend on reliability, link: /slo }
      - { id: slo-not-frozen, title: Not in a deploy freeze, level: silver, fact: slo.deployFreeze, value: false, howToFix: Bring the burn down, link: /slo }
`;

const component = (name: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout' },
});

const openSlo = { 'devportal.io/openslo': './slo/availability.yaml' };
const ENTITIES = [
  component('healthy', openSlo),
  component('exhausted', openSlo),
  component('unmeasured', openSlo),
  // The short form, and never seen by the SLO plugin (as right after start-up).
  component('declared-only', {
    'slo.devportal.io/availability.target': '0.999',
    'slo.devportal.io/availability.bad': 'http_requests_total{service="declared-only",code=~"5.."}',
    'slo.devportal.io/availability.total': 'http_requests_total{service="declared-only"}',
  }),
  component('no-slo', { 'backstage.io/techdocs-ref': 'dir:.' }),
];

const slo = (name: string): SloDefinition => ({
  entityRef: `component:default/${name}`,
  name: `${name}-availability`,
  displayName: 'Availability',
  target: 0.999,
  window: '30d',
  prometheus: 'default',
  indicator: { bad: 'bad_total', total: 'total' },
});

/** The status the SLO plugin computes when `wholeWindowErrorRatio` of requests failed. */
const statusAt = (wholeWindowErrorRatio: number) =>
  computeSloStatus({
    target: 0.999,
    window: '30d',
    measured: {
      byWindow: Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, wholeWindowErrorRatio])) as any,
      wholeWindow: wholeWindowErrorRatio,
    },
  });

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** Each plugin its own database, as in production; the SLO one is returned to fill in. */
async function perPluginDatabases() {
  const knexes = new Map([
    ['scorecards', await databases.init('SQLITE_3')],
    ['slo', await databases.init('SQLITE_3')],
  ]);
  const factory = createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({ getClient: async () => knexes.get(plugin.getId())! }),
  });
  return { factory, sloKnex: knexes.get('slo')! };
}

async function startBackend(options: { withSloPlugin: boolean }) {
  const { factory, sloKnex: knex } = await perPluginDatabases();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecards-slo-'));
  fs.writeFileSync(path.join(dir, 'scorecards.yaml'), DEFINITIONS);
  const { server } = await startTestBackend({
    features: [
      scorecardsPlugin,
      scorecardsModuleSlo,
      ...(options.withSloPlugin ? [sloPlugin] : []),
      catalogServiceMock.factory({
        entities: ENTITIES,
      }),
      factory,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          scorecards: { definitionsFile: path.join(dir, 'scorecards.yaml') },
          slo: { prometheus: { default: { baseUrl: 'http://127.0.0.1:9' } } },
        },
      }),
    ],
  });
  return { server, knex };
}

async function evaluateAndRead(server: any) {
  const header = mockCredentials.user.header('user:default/priya.nair');
  const run = await request(server).post('/api/scorecards/evaluate').set('Authorization', header).expect(200);
  const overview = await request(server).get('/api/scorecards/overview').set('Authorization', header).expect(200);
  return {
    run: run.body.run,
    states: Object.fromEntries(
      overview.body.rows.map((r: any) => [r.entityRef.replace('component:default/', ''), r.checks.reliability]),
    ),
  };
}

describe('scorecards SLO module', () => {
  it('reads the real SLO plugin with a service token and turns its statuses into facts', async () => {
    const { server, knex } = await startBackend({ withSloPlugin: true });
    const sloStore = await SloStatusStore.create(mockServices.database({ knex }));
    const at = new Date('2026-11-27T10:00:00Z');
    await sloStore.saveStatus(slo('healthy'), statusAt(0.0004), at); // 60% budget left
    await sloStore.saveStatus(slo('exhausted'), statusAt(0.0012), at); // 20% overspent
    await sloStore.saveError(slo('unmeasured'), 'Prometheus did not answer', at);
    // The error-budget policy as a refresh applies it: the exhausted one is frozen.
    for (const [name, ratio] of [['healthy', 0.0004], ['exhausted', 0.0012]] as const) {
      const evaluation = evaluateFreeze({ policy: DEFAULT_FREEZE_POLICY, status: statusAt(ratio), previous: null, now: at });
      await sloStore.freezes().save(`component:default/${name}`, `${name}-availability`, evaluation, at);
    }

    const { run, states } = await evaluateAndRead(server);
    expect(run.sources.find((s: any) => s.id === 'slo')).toMatchObject({
      available: true,
      asOf: '2026-11-27T10:00:00.000Z',
      error: '1 of 3 SLOs failed to refresh, e.g. component:default/unmeasured unmeasured-availability: Prometheus did not answer',
    });
    expect(states).toEqual({
      healthy: ['passed', 'passed', 'passed'],
      exhausted: ['passed', 'failed', 'failed'],
      // Defined but never measured: whether budget is left, or it is frozen, is not known.
      unmeasured: ['passed', 'unknown', 'unknown'],
      // Declared in the catalog, absent from the SLO plugin: defined, the rest unknown, not "no SLO".
      'declared-only': ['passed', 'unknown', 'unknown'],
      // No SLO, so no freeze.
      'no-slo': ['failed', 'failed', 'passed'],
    });
  });

  it('reads SLO defined from the catalog before the SLO plugin has measured anything', async () => {
    const { server } = await startBackend({ withSloPlugin: true });
    const { run, states } = await evaluateAndRead(server);
    expect(run.sources.find((s: any) => s.id === 'slo')).toMatchObject({ available: true, asOf: null, error: null });
    expect(states).toEqual({
      healthy: ['passed', 'unknown', 'unknown'],
      exhausted: ['passed', 'unknown', 'unknown'],
      unmeasured: ['passed', 'unknown', 'unknown'],
      'declared-only': ['passed', 'unknown', 'unknown'],
      'no-slo': ['failed', 'failed', 'passed'],
    });
  });

  it('marks measured SLO checks unknown when the SLO plugin does not answer, SLO defined still from the catalog', async () => {
    const { server } = await startBackend({ withSloPlugin: false });
    const { run, states } = await evaluateAndRead(server);
    expect(run.sources.find((s: any) => s.id === 'slo')).toMatchObject({ available: false });
    expect(run.sources.find((s: any) => s.id === 'slo-declarations')).toMatchObject({ available: true, error: null });
    expect(states).toEqual({
      healthy: ['passed', 'unknown', 'unknown'],
      exhausted: ['passed', 'unknown', 'unknown'],
      unmeasured: ['passed', 'unknown', 'unknown'],
      'declared-only': ['passed', 'unknown', 'unknown'],
      'no-slo': ['failed', 'unknown', 'unknown'],
    });
  });
});
