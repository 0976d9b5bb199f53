import { Entity } from '@backstage/catalog-model';
import { startFactsFake } from '@internal/plugin-scorecards-node/testUtils';
import { createFalcoFactRetriever, FalcoFactsResponse } from './falcoFactRetriever';

const none = { emergency: 0, alert: 0, critical: 0, error: 0, warning: 0, notice: 0, informational: 0, debug: 0 };
const FACTS: FalcoFactsResponse = {
  demo: true,
  generatedAt: '2026-11-27T10:00:00.000Z',
  items: [
    { entityRef: 'component:default/checkout-service', alertsLast7Days: { ...none, critical: 2, warning: 5 }, lastEventAt: '2026-11-26T13:44:05.478Z' },
    { entityRef: 'component:default/payments-service', alertsLast7Days: { ...none, alert: 1 }, lastEventAt: '2026-11-25T01:00:00.000Z' },
    { entityRef: 'component:default/search-service', alertsLast7Days: { ...none, error: 3, notice: 1 }, lastEventAt: '2026-11-24T01:00:00.000Z' },
  ],
};

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('Falco facts', () => {
  let answer: { status: number; body: unknown } = { status: 200, body: FACTS };
  let fake: Awaited<ReturnType<typeof startFactsFake>>;
  beforeAll(async () => {
    fake = await startFactsFake('falco', () => answer);
  });
  afterAll(() => fake.close());

  it('counts Critical, Alert and Emergency alerts, and zero for components without events', async () => {
    answer = { status: 200, body: FACTS };
    const retrieval = await createFalcoFactRetriever(fake).retrieve(
      ['checkout-service', 'payments-service', 'search-service', 'quiet-service'].map(component),
    );
    expect(fake.requests.at(-1)!.path).toBe('/api/falco/facts');
    expect(retrieval).toMatchObject({ demo: true, asOf: '2026-11-27T10:00:00.000Z' });
    expect(Object.fromEntries(retrieval.values)).toEqual({
      'component:default/checkout-service': { 'falco.criticalOrWorseLast7Days': 2, 'falco.alertsLast7Days': 7 },
      'component:default/payments-service': { 'falco.criticalOrWorseLast7Days': 1, 'falco.alertsLast7Days': 1 },
      'component:default/search-service': { 'falco.criticalOrWorseLast7Days': 0, 'falco.alertsLast7Days': 4 },
      'component:default/quiet-service': { 'falco.criticalOrWorseLast7Days': 0, 'falco.alertsLast7Days': 0 },
    });
  });

  it('is unavailable when the plugin errs, rather than reporting zero alerts', async () => {
    answer = { status: 502, body: { error: { name: 'Error', message: 'bad gateway' } } };
    await expect(createFalcoFactRetriever(fake).retrieve([component('quiet-service')])).rejects.toThrow(/502/);
  });
});
