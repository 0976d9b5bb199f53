import { startFactsFake } from '@internal/plugin-scorecards-node/testUtils';
import { createDoraFactRetriever, DoraFactsResponse } from './doraFactRetriever';

const FACTS: DoraFactsResponse = {
  demo: false,
  asOf: '2026-11-27T09:30:00.000Z',
  lastError: null,
  items: [
    { entityRef: 'component:default/checkout-service', deploysLast7Days: 9, deploysPerWeek28d: 8.5, lastDeployAt: '2026-11-27T08:00:00Z', tier: 'elite' },
    { entityRef: 'component:default/legacy-payments-gateway', deploysLast7Days: 0, deploysPerWeek28d: 0.25, lastDeployAt: '2026-11-05T12:00:00Z', tier: 'low' },
    { entityRef: 'component:default/new-service', deploysLast7Days: 0, deploysPerWeek28d: 0, lastDeployAt: null, tier: null },
  ],
};

describe('DORA facts', () => {
  let answer: { status: number; body: unknown; delayMs?: number } = { status: 200, body: FACTS };
  let fake: Awaited<ReturnType<typeof startFactsFake>>;
  beforeAll(async () => {
    fake = await startFactsFake('dora', () => answer);
  });
  afterAll(() => fake.close());

  it('reads GET /api/dora/facts into deploy-frequency facts', async () => {
    answer = { status: 200, body: FACTS };
    const retrieval = await createDoraFactRetriever(fake).retrieve([]);
    expect(fake.requests.at(-1)!.path).toBe('/api/dora/facts');
    expect(Object.fromEntries(retrieval.values)).toEqual({
      'component:default/checkout-service': { 'dora.deploysPerWeek28d': 8.5, 'dora.deploysLast7Days': 9, 'dora.tier': 'elite' },
      'component:default/legacy-payments-gateway': { 'dora.deploysPerWeek28d': 0.25, 'dora.deploysLast7Days': 0, 'dora.tier': 'low' },
      'component:default/new-service': { 'dora.deploysPerWeek28d': 0, 'dora.deploysLast7Days': 0, 'dora.tier': null },
    });
    // Components DORA does not track have no values: their checks are unknown, not failed.
    expect(retrieval.values.get('component:default/untracked')).toBeUndefined();
  });

  it('is unavailable when the plugin answers an error or nothing was ever read', async () => {
    answer = { status: 503, body: { error: { name: 'ServiceUnavailableError', message: 'GitHub rate limit' } } };
    await expect(createDoraFactRetriever(fake).retrieve([])).rejects.toThrow(/503/);
    answer = { status: 200, body: { demo: false, asOf: null, lastError: 'Bad credentials', items: [] } };
    await expect(createDoraFactRetriever(fake).retrieve([])).rejects.toThrow('Bad credentials');
  });
});
