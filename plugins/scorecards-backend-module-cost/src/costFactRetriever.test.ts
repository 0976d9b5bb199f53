import { startFactsFake } from '@internal/plugin-scorecards-node/testUtils';
import { CostFactsResponse, createCostFactRetriever } from './costFactRetriever';

/** Exactly the contract's shape: one service over its team's budget, one within, one without. */
const FACTS: CostFactsResponse = {
  demo: true,
  asOf: '2026-11-27T06:00:00.000Z',
  lastError: null,
  items: [
    { entityRef: 'component:default/checkout-service', kind: 'service', monthToDateUsd: 812.5, forecastMonthUsd: 1390.2, monthlyBudgetUsd: 5000, overBudget: true },
    { entityRef: 'group:default/checkout', kind: 'team', monthToDateUsd: 3200, forecastMonthUsd: 5480, monthlyBudgetUsd: 5000, overBudget: true },
    { entityRef: 'component:default/search-service', kind: 'service', monthToDateUsd: 120, forecastMonthUsd: 205.75, monthlyBudgetUsd: 3000, overBudget: false },
    { entityRef: 'component:default/analytics-web', kind: 'service', monthToDateUsd: 40, forecastMonthUsd: 70, monthlyBudgetUsd: null, overBudget: null },
  ],
};

describe('cost facts', () => {
  let answer = { status: 200, body: FACTS as unknown };
  let fake: Awaited<ReturnType<typeof startFactsFake>>;
  beforeAll(async () => {
    fake = await startFactsFake('cost', () => answer);
  });
  afterAll(() => fake.close());

  it('reads GET /api/cost/facts with a service token', async () => {
    answer = { status: 200, body: FACTS };
    const retrieval = await createCostFactRetriever(fake).retrieve([]);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api/cost/facts' });
    expect(fake.requests.at(-1)!.authorization).toMatch(/^Bearer mock-service-token:.*"target":"cost"/);
    expect(retrieval).toMatchObject({ demo: true, asOf: '2026-11-27T06:00:00.000Z', lastError: null });
    expect(Object.fromEntries(retrieval.values)).toEqual({
      'component:default/checkout-service': { 'cost.withinBudget': false, 'cost.forecastMonthUsd': 1390.2 },
      'group:default/checkout': { 'cost.withinBudget': false, 'cost.forecastMonthUsd': 5480 },
      'component:default/search-service': { 'cost.withinBudget': true, 'cost.forecastMonthUsd': 205.75 },
      // No budget: neither within nor over.
      'component:default/analytics-web': { 'cost.withinBudget': null, 'cost.forecastMonthUsd': 70 },
    });
  });

  it('uses the last good values when the latest refresh failed, and says so', async () => {
    answer = { status: 200, body: { ...FACTS, lastError: 'Kubecost: 503 Service Unavailable' } };
    const retrieval = await createCostFactRetriever(fake).retrieve([]);
    expect(retrieval.lastError).toBe('Kubecost: 503 Service Unavailable');
    expect(retrieval.values.get('component:default/search-service')).toEqual({
      'cost.withinBudget': true,
      'cost.forecastMonthUsd': 205.75,
    });
  });

  it('is unavailable when nothing was ever read or the plugin errs', async () => {
    answer = { status: 200, body: { demo: false, asOf: null, lastError: 'AccessDeniedException', items: [] } };
    await expect(createCostFactRetriever(fake).retrieve([])).rejects.toThrow('AccessDeniedException');
    answer = { status: 500, body: { error: { name: 'Error', message: 'database is locked' } } };
    await expect(createCostFactRetriever(fake).retrieve([])).rejects.toThrow(/500/);
  });
});
