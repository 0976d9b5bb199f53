import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FALCO_PRIORITIES, parseFalcoPriority } from '@internal/plugin-falco-common';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { FALCO_DOCS_EXAMPLE_JSON, falcoDocsExample, sidekickEvent } from './__testUtils__/falcoFixtures';
import { generateDemoEvents } from './demo/generateDemoEvents';
import { falcoPlugin } from './plugin';

jest.setTimeout(120_000);

const TOKEN = 'test-ingest-token-5b1f';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
  };
}

const entities = [
  component('checkout-service', { 'backstage.io/kubernetes-id': 'checkout-service', 'backstage.io/kubernetes-namespace': 'checkout' }),
  component('cart-service', { 'backstage.io/kubernetes-id': 'cart-service', 'backstage.io/kubernetes-namespace': 'checkout' }),
  component('payments-service', { 'devportal.io/container-image': 'registry.harbormarket.example/payments-service' }),
];

// Falco's documentation example is from 2023: kept for ten years here, so it is stored, not expired.
async function startFalco(falcoConfig: JsonObject = { ingest: { token: TOKEN }, retention: { events: { years: 10 } } }) {
  const { server } = await startTestBackend({
    features: [
      falcoPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: { falco: falcoConfig } }),
    ],
  });
  return server;
}

const post = (server: Parameters<typeof request>[0], body: string | object, token: string | null = TOKEN) => {
  const req = request(server).post('/api/falco/events').set('Content-Type', 'application/json; charset=utf-8');
  if (token !== null) req.set('Authorization', `Bearer ${token}`);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
};
const get = (server: Parameters<typeof request>[0], path: string) =>
  request(server).get(`/api/falco${path}`).set('Authorization', mockCredentials.user.header());

describe('POST /api/falco/events', () => {
  it("stores the documentation's example as Falco's http_output sends it, unmapped", async () => {
    const server = await startFalco();
    // Nothing received yet: no time is covered.
    expect((await get(server, '/alerts')).body.storedSince).toBeNull();
    const res = await post(server, FALCO_DOCS_EXAMPLE_JSON);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: 0,
      expired: 0,
      results: [{ index: 0, status: 'accepted', id: expect.stringMatching(/^[0-9a-f]{64}$/) }],
    });

    const list = await get(server, '/alerts?unmapped=true&limit=5');
    expect(list.body.totalCount).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      rule: 'Terminal shell in container',
      priority: 'critical',
      time: '2023-05-25T13:44:05.478445995Z',
      pod: 'kubecon',
      namespace: 'default',
      entityRef: null,
      outputFields: { 'user.loginuid': -1, 'proc.cmdline': 'sh -c clear; (bash || ash || sh)' },
    });
    expect(list.body.demo).toBe(false);
    // Events are kept 10 years here, so everything since the first counted day is stored.
    expect(list.body.storedSince).toBe('2023-05-25T00:00:00.000Z');
  });

  it('refuses a missing or wrong token with 401, before reading the body', async () => {
    const server = await startFalco();
    const missing = await post(server, falcoDocsExample(), null);
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toMatch(/Missing ingest token/);
    const wrong = await post(server, falcoDocsExample(), 'not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/Wrong ingest token/);
    // A Backstage user token is not an ingest token either.
    const user = await request(server)
      .post('/api/falco/events')
      .set('Authorization', mockCredentials.user.header())
      .send(falcoDocsExample());
    expect(user.status).toBe(401);
    // The token is checked first: a stranger's oversized body is refused as 401, not read.
    const strangerBig = await post(server, { ...falcoDocsExample(), output: 'x'.repeat(2 * 1024 * 1024) }, 'guess');
    expect(strangerBig.status).toBe(401);
    expect((await get(server, '/alerts')).body.totalCount).toBe(0);
  });

  it('answers 503 naming the config key when no token is configured', async () => {
    const server = await startFalco({});
    const res = await post(server, falcoDocsExample(), 'anything');
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/falco\.ingest\.token/);
  });

  it('answers a bad event with its reason and 200, so Falcosidekick does not resend it for ever', async () => {
    const server = await startFalco();
    const cases: Array<[object, RegExp]> = [
      [{ ...falcoDocsExample(), priority: 'Urgent' }, /^event\.priority: must be one of/],
      [{ ...falcoDocsExample(), rule: undefined }, /^event\.rule: is required/],
      [{ ...falcoDocsExample(), time: '0001-01-01T00:00:00Z' }, /^event\.time: must be a non-zero/],
      [{ ...falcoDocsExample(), output_fields: {} }, /^event\.output_fields: must not be empty/],
      [{ ...falcoDocsExample(), tags: 'shell' }, /^event\.tags/],
    ];
    for (const [body, reason] of cases) {
      const res = await post(server, body);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: { accepted: 0, duplicates: 0, rejected: 1, expired: 0, results: [{ index: 0, status: 'rejected', reason: expect.stringMatching(reason) }] },
      });
    }
    const batch = await post(server, [falcoDocsExample(), { ...falcoDocsExample(), priority: 7 }]);
    expect(batch.body.results).toEqual([
      expect.objectContaining({ index: 0, status: 'accepted' }),
      { index: 1, status: 'rejected', reason: expect.stringMatching(/^events\[1\]\.priority/) },
    ]);
    // Only the good one was stored.
    expect((await get(server, '/alerts')).body.totalCount).toBe(1);
  });

  it('refuses a body that is no Falco event at all with 400 and the reason', async () => {
    const server = await startFalco();
    const invalidJson = await post(server, '{"rule": "Terminal shell in container",');
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.body.error.message).toMatch(/not valid JSON/);
    const wrongType = await request(server)
      .post('/api/falco/events')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'text/plain; secret=do-not-echo')
      .send(FALCO_DOCS_EXAMPLE_JSON);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(/Content-Type: application\/json \(got text\/plain\)$/);
    expect((await get(server, '/alerts')).body.totalCount).toBe(0);
  });

  it('refuses a body over the size limit with 413', async () => {
    const server = await startFalco({ ingest: { token: TOKEN, maxBodySize: '10kb' } });
    const big = { ...falcoDocsExample(), output: 'x'.repeat(11 * 1024) };
    const res = await post(server, big);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/larger than 10kb.*falco\.ingest\.maxBodySize/);
  });

  it('accepts batches, is idempotent by uuid and by content, and maps through annotations', async () => {
    const server = await startFalco();
    const batch = [
      sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-7d9f8-x2k4q', priority: 'Critical' }),
      sidekickEvent({ namespace: 'checkout', pod: 'cart-service-5c7d9-abcde', priority: 'Warning' }),
      sidekickEvent({ namespace: 'payments', pod: 'pay-1', image: 'registry.harbormarket.example/payments-service', priority: 'Info' }),
      sidekickEvent({ namespace: 'kube-system', pod: 'coredns-1', priority: 'Debug' }),
    ];
    expect((await post(server, batch)).body).toMatchObject({ accepted: 4, duplicates: 0 });
    // A retry of the same delivery, and Falco's own output (no uuid) sent twice.
    const retry = await post(server, batch);
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 4 });
    expect(retry.body.results.map((r: { id: string }) => r.id)).toEqual(batch.map(e => e.uuid));
    expect((await post(server, falcoDocsExample())).body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await post(server, falcoDocsExample())).body).toMatchObject({ accepted: 0, duplicates: 1 });

    const checkout = await get(server, '/alerts?entityRef=component:default/checkout-service');
    expect(checkout.body.items.map((i: { mappedBy: string }) => i.mappedBy)).toEqual(['pod-name']);
    const payments = await get(server, '/counts?entityRef=component:default/payments-service');
    expect(payments.body.counts.informational).toBe(1);
    expect((await get(server, '/alerts?unmapped=true')).body.totalCount).toBe(2);

    const facts = await get(server, '/facts');
    expect(facts.status).toBe(200);
    expect(facts.body.demo).toBe(false);
    expect(facts.body.items.map((i: { entityRef: string }) => i.entityRef)).toEqual([
      'component:default/cart-service',
      'component:default/checkout-service',
      'component:default/payments-service',
    ]);
    expect(facts.body.items[1].alertsLast7Days).toEqual({
      emergency: 0, alert: 0, critical: 1, error: 0, warning: 0, notice: 0, informational: 0, debug: 0,
    });
    expect(facts.body.items[1].lastEventAt).toBe(new Date(Date.parse(batch[0].time)).toISOString());
  });

  it('stores a generated corpus of realistic events completely, with matching counts', async () => {
    const server = await startFalco();
    const now = new Date();
    const corpus = generateDemoEvents(
      [
        { entityRef: 'component:default/checkout-service', kubernetesId: 'checkout-service', namespace: 'checkout', containerImages: [] },
        { entityRef: 'component:default/cart-service', kubernetesId: 'cart-service', namespace: 'checkout', containerImages: [] },
      ],
      now,
      24 * 6,
    );
    expect(corpus.length).toBeGreaterThan(20);
    for (let i = 0; i < corpus.length; i += 100) {
      expect((await post(server, corpus.slice(i, i + 100))).status).toBe(200);
    }
    // Expected counts computed from the corpus itself, not from the store.
    const expected = Object.fromEntries(FALCO_PRIORITIES.map(p => [p, 0]));
    for (const event of corpus) {
      if (event.output_fields['k8s.ns.name'] === 'checkout' && event.output_fields['k8s.pod.name']!.toString().startsWith('checkout-service-')) {
        expected[parseFalcoPriority(event.priority)!] += 1;
      }
    }
    const counts = await get(server, '/counts?entityRef=component:default/checkout-service&days=7');
    expect(counts.body.counts).toEqual(expected);
    expect((await get(server, '/alerts?limit=1')).body.totalCount).toBe(corpus.length);
  });
});

describe('read endpoints', () => {
  it('require a signed-in user or service', async () => {
    const { server } = await startTestBackend({
      features: [
        falcoPlugin,
        catalogServiceMock.factory({ entities }),
        // Without this the mock treats a request without a token as a signed-in user.
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      ],
    });
    expect((await request(server).get('/api/falco/facts')).status).toBe(401);
    const service = await request(server).get('/api/falco/facts').set('Authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);
  });

  it('refuse bad query parameters with the fix', async () => {
    const server = await startFalco();
    expect((await get(server, '/alerts?priority=loud')).body.error.message).toMatch(/priority lists "loud"/);
    expect((await get(server, '/alerts?limit=5000')).body.error.message).toMatch(/limit must be a whole number from 1 to 500/);
    expect((await get(server, '/counts')).body.error.message).toMatch(/entityRef is required/);
  });

  it('overview: trend with one entry per day, top rules and services, unmapped', async () => {
    const server = await startFalco();
    await post(server, [
      sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-a-1', priority: 'Critical', rule: 'Drop and execute new binary in container' }),
      sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-a-1', priority: 'Notice' }),
      sidekickEvent({ namespace: 'checkout', pod: 'cart-service-a-1', priority: 'Notice' }),
      sidekickEvent({ namespace: 'monitoring', pod: 'node-exporter-1', priority: 'Warning' }),
    ]);
    const { body } = await get(server, '/overview?days=7');
    expect(body.trend).toHaveLength(7);
    expect(body.trend[6].day).toBe(new Date().toISOString().slice(0, 10));
    expect(body.totals.notice).toBe(2);
    expect(body.topRules[0]).toEqual({ rule: 'Terminal shell in container', count: 3, highestPriority: 'warning' });
    expect(body.topServices[0]).toMatchObject({ entityRef: 'component:default/checkout-service', total: 2 });
    expect(body.unmapped.total).toBe(1);
    expect(body.unmapped.recent[0].namespace).toBe('monitoring');
    expect(body.mapping.lastError).toBeNull();
  });
});

describe('demo data', () => {
  it('generates events for the catalog components through the ingest path and says demo: true', async () => {
    const { server } = await startTestBackend({
      features: [
        falcoPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: { falco: { demo: { enabled: true } } } }),
        mockServices.scheduler.factory({ includeInitialDelayedTasksOnStartup: true }),
      ],
    });
    const facts = await get(server, '/facts');
    expect(facts.body.demo).toBe(true);
    expect(facts.body.items.map((i: { entityRef: string }) => i.entityRef)).toEqual(
      expect.arrayContaining(['component:default/checkout-service', 'component:default/cart-service']),
    );
    const overview = await get(server, '/overview');
    expect(overview.body.demo).toBe(true);
    expect(overview.body.unmapped.total).toBeGreaterThan(0);
  });
});
