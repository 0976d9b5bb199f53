import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ScorecardFactRetriever } from '@internal/plugin-scorecards-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KNOWN_DEFINITIONS_YAML, KNOWN_ENTITIES, KNOWN_SLO_BUDGET_LEFT } from '../__testUtils__/knownCatalog';
import { ScorecardStore } from '../database/ScorecardStore';
import { DefinitionsSource } from '../definitions/DefinitionsSource';
import { createCatalogFactRetriever } from '../facts/catalogFactRetriever';
import { ScorecardEvaluator } from './ScorecardEvaluator';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function sloSource(behaviour: 'up' | 'down'): ScorecardFactRetriever {
  return {
    id: 'slo',
    title: 'SLO plugin',
    facts: { 'slo.budgetLeft': { type: 'boolean', description: 'budget left' } },
    async retrieve() {
      if (behaviour === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      return {
        values: new Map(Object.entries(KNOWN_SLO_BUDGET_LEFT).map(([ref, left]) => [ref, { 'slo.budgetLeft': left }])),
        demo: true,
        asOf: '2026-11-27T10:00:00.000Z',
      };
    },
  };
}

async function setUp(databaseId: TestDatabaseId, slo: 'up' | 'down', entities = KNOWN_ENTITIES) {
  const knex = await databases.init(databaseId);
  const store = await ScorecardStore.create(mockServices.database({ knex }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecards-'));
  const file = path.join(dir, 'scorecards.yaml');
  fs.writeFileSync(file, KNOWN_DEFINITIONS_YAML);
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const evaluator = new ScorecardEvaluator({
    catalog,
    auth,
    retrievers: [createCatalogFactRetriever({ catalog, auth }), sloSource(slo)],
    definitions: new DefinitionsSource({ store, file }),
    store,
    logger: mockServices.logger.mock(),
    entityKinds: ['Component'],
    factTimeoutMs: 5000,
  });
  return { store, evaluator, file };
}

const levelsOf = async (store: ScorecardStore) =>
  Object.fromEntries(
    (await store.listResults()).map(r => [r.entityRef.replace('component:default/', ''), r.scorecards[0].level]),
  );

describe.each(databases.eachSupportedId())('ScorecardEvaluator on %p', databaseId => {
  it('gives every entity of a known catalog exactly its level', async () => {
    const { store, evaluator } = await setUp(databaseId, 'up');
    const run = await evaluator.evaluate('manual', 'user:default/priya.nair');

    expect(await levelsOf(store)).toEqual({
      ready: 'gold',
      'no-on-call': 'bronze',
      'user-owned': null,
      'ghost-team': null,
      'old-template': 'silver',
      kit: 'silver',
      'no-lifecycle': null,
    });
    expect(run).toMatchObject({ trigger: 'manual', triggeredBy: 'user:default/priya.nair', entityCount: 7 });
    expect(run!.sources.find(s => s.id === 'slo')).toMatchObject({ available: true, demo: true });

    const kit = await store.getResult('component:default/kit');
    expect(kit!.scorecards[0].checks.map(c => c.checkId)).toEqual([
      'owner-is-group',
      'lifecycle-set',
      'techdocs',
      'template-current',
    ]);
    const template = kit!.scorecards[0].checks.find(c => c.checkId === 'template-current')!;
    expect(template).toMatchObject({
      state: 'failed',
      value: 'not-from-template',
      howToFix: 'Update',
      link: '/create',
    });
    expect(template.why).toBe('catalog.templateVersionStatus is "not-from-template"; needs "current".');
  });

  it('marks the checks of a failing fact source unknown, never passed or failed', async () => {
    const { store, evaluator } = await setUp(databaseId, 'down');
    const run = await evaluator.evaluate('schedule');

    expect(run!.sources.find(s => s.id === 'slo')).toMatchObject({
      available: false,
      error: 'connect ECONNREFUSED 127.0.0.1:7007',
    });
    const results = await store.listResults();
    const sloChecks = results.flatMap(r => r.scorecards[0].checks.filter(c => c.checkId === 'slo-budget'));
    expect(sloChecks).toHaveLength(6);
    for (const check of sloChecks) {
      expect(check.state).toBe('unknown');
      expect(check.why).toContain('SLO plugin could not be read');
      expect(check.why).toContain('ECONNREFUSED');
    }
    // Services stop below silver without a failure; the rest of each verdict stands.
    expect(await levelsOf(store)).toEqual({
      ready: 'bronze',
      'no-on-call': 'bronze',
      'user-owned': null,
      'ghost-team': null,
      'old-template': 'bronze',
      kit: 'silver',
      'no-lifecycle': null,
    });
    const ready = await store.getResult('component:default/ready');
    expect(ready!.scorecards[0]).toMatchObject({ nextLevel: 'silver', blockedByUnknown: true });
    const noOnCall = await store.getResult('component:default/no-on-call');
    expect(noOnCall!.scorecards[0]).toMatchObject({ nextLevel: 'silver', blockedByUnknown: false });
  });

  it('says the catalog gave nothing to score instead of storing an empty run as if all were well', async () => {
    const { store, evaluator } = await setUp(databaseId, 'up', []);
    const run = await evaluator.evaluate('schedule');
    expect(run!.sources.find(s => s.id === 'catalog')).toMatchObject({
      available: false,
      error: expect.stringMatching(/^the catalog returned no entities of kind Component \(scorecards\.entityKinds\)/),
    });
    expect(await store.listResults()).toEqual([]);
  });

  it('keeps level history only on change and a trend point per run', async () => {
    const { store, evaluator, file } = await setUp(databaseId, 'up');
    await evaluator.evaluate('schedule');
    await evaluator.evaluate('schedule');
    // Nothing changed: one history row per entity, from the first run.
    expect(await store.getHistory('component:default/ready')).toHaveLength(1);

    // The platform team drops the gold check: "ready" stays gold, "kit" and
    // "old-template" climb to gold.
    fs.writeFileSync(file, KNOWN_DEFINITIONS_YAML.replace(/\n.*template-current.*\n/, '\n'));
    const later = Date.now() + 5000;
    fs.utimesSync(file, later / 1000, later / 1000);
    await evaluator.evaluate('definitions');

    const kitHistory = await store.getHistory('component:default/kit');
    expect(kitHistory.map(h => h.level)).toEqual(['silver', 'gold']);
    const trend = await store.getTrend('all', new Date(0));
    expect(trend).toHaveLength(3);
    expect(trend.map(t => t.levelCounts)).toEqual([
      { none: 3, bronze: 1, silver: 2, gold: 1 },
      { none: 3, bronze: 1, silver: 2, gold: 1 },
      { none: 3, bronze: 1, silver: 0, gold: 3 },
    ]);
    const payments = await store.getTrend('group:default/payments', new Date(0));
    expect(payments.at(-1)).toMatchObject({ levelCounts: { none: 1, bronze: 0, silver: 0, gold: 1 } });
  });

  it('prunes history and trends older than the retention, keeping the latest results', async () => {
    const { store, evaluator } = await setUp(databaseId, 'up');
    await evaluator.evaluate('schedule');
    await evaluator.evaluate('schedule');
    await store.prune(new Date(Date.now() + 60_000));
    expect(await store.getTrend('all', new Date(0))).toEqual([]);
    expect(await store.getHistory('component:default/ready')).toEqual([]);
    // The latest run and every entity's latest result stay, so pages keep working.
    expect((await store.getLatestRun())?.entityCount).toBe(7);
    expect(await store.listResults()).toHaveLength(7);
  });
});
