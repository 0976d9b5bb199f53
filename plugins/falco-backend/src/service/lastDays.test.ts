import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { sidekickEvent } from '../__testUtils__/falcoFixtures';
import { FalcoEventStore } from '../database/FalcoEventStore';
import { FalcoIngestor } from '../ingest/FalcoIngestor';
import { MappableComponent } from '../mapping/ComponentMapping';
import { MappingCache } from '../mapping/MappingCache';
import { createRouter } from './createRouter';

jest.setTimeout(60_000);

const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

const checkout: MappableComponent = {
  entityRef: 'component:default/checkout-service',
  kubernetesId: 'checkout-service',
  namespace: 'checkout',
  containerImages: [],
};

// Sunday 30 November, 08:00 UTC: the last 7 days are 24–30 November.
const NOW = new Date('2026-11-30T08:00:00Z');
const EVENT_TIMES = [
  // Inside a rolling 7 × 24 hours, but on 23 November: not in the last 7 days.
  '2026-11-23T10:00:00Z',
  // The first moment of the window, and eight more inside it.
  '2026-11-24T00:00:00Z',
  '2026-11-24T13:00:00Z',
  '2026-11-25T01:00:00Z',
  '2026-11-26T12:00:00Z',
  '2026-11-27T23:59:59Z',
  '2026-11-28T06:00:00Z',
  '2026-11-29T18:30:00Z',
  '2026-11-30T00:10:00Z',
  '2026-11-30T07:59:00Z',
];

describe.each(databaseIds)('"last 7 days" on %s', databaseId => {
  it('counts the same events on the card, the events tab, the overview and the scorecards facts', async () => {
    const knex = await databases.init(databaseId);
    const store = await FalcoEventStore.create(mockServices.database({ knex }));
    const mapping = new MappingCache(async () => [checkout]);
    await mapping.reload();
    const ingestor = new FalcoIngestor({
      store,
      mapping,
      maxBatchSize: 100,
      eventRetentionMs: 30 * 86_400_000,
      logger: mockServices.logger.mock(),
      clock: () => NOW,
    });
    await ingestor.ingest(
      EVENT_TIMES.map(time => sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-7d9f-abcde', time })),
    );
    const app = express().use(
      createRouter({
        store,
        ingestor,
        mapping,
        httpAuth: mockServices.httpAuth(),
        maxBodySize: '1mb',
        demo: false,
        eventRetentionMs: 30 * 86_400_000,
        clock: () => NOW,
      }),
    );
    const get = async (path: string) => (await request(app).get(path).set('Authorization', mockCredentials.user.header())).body;
    const ref = encodeURIComponent(checkout.entityRef);

    const card = await get(`/counts?entityRef=${ref}&days=7`);
    const tab = await get(`/alerts?entityRef=${ref}&days=7&limit=1`);
    const overview = await get('/overview?days=7');
    const facts = await get('/facts');
    const window = { days: 7, firstDay: '2026-11-24', since: '2026-11-24T00:00:00.000Z' };

    expect(card.counts.notice).toBe(9);
    expect(card.window).toEqual(window);
    expect(tab.totalCount).toBe(9);
    expect(tab.window).toEqual(window);
    expect(overview.totals.notice).toBe(9);
    expect(overview.topServices[0]).toMatchObject({ entityRef: checkout.entityRef, total: 9 });
    expect(overview.window).toEqual(window);
    expect(facts.items[0].alertsLast7Days.notice).toBe(9);
    expect(facts.window).toEqual(window);
    // An exact range still reads as asked: 168 hours back includes the 23rd's event.
    const rolling = await get(`/alerts?entityRef=${ref}&since=2026-11-23T08:00:00Z&limit=1`);
    expect(rolling.totalCount).toBe(10);
    expect(rolling.window).toBeNull();
  });

  it('refuses days and since together, naming both', async () => {
    const knex = await databases.init(databaseId);
    const store = await FalcoEventStore.create(mockServices.database({ knex }));
    const mapping = new MappingCache(async () => []);
    const app = express()
      .use(
        createRouter({
          store,
          ingestor: new FalcoIngestor({
      store,
      mapping,
      maxBatchSize: 100,
      eventRetentionMs: 30 * 86_400_000,
      logger: mockServices.logger.mock(),
      clock: () => NOW,
    }),
          mapping,
          httpAuth: mockServices.httpAuth(),
          maxBodySize: '1mb',
          demo: false,
          eventRetentionMs: 30 * 86_400_000,
          clock: () => NOW,
        }),
      )
      .use(mockErrorHandler());
    const res = await request(app)
      .get('/alerts?days=7&since=2026-11-23T08:00:00Z')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Query parameters days and since both set where the events start; give one of them',
    );
  });
});
