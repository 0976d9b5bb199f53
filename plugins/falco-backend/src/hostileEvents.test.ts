import { mockCredentials, mockServices, startTestBackend, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { sidekickEvent } from './__testUtils__/falcoFixtures';
import { HostileCase, hostileCases } from './__testUtils__/hostileEvents';
import { falcoPlugin } from './plugin';

jest.setTimeout(180_000);

const TOKEN = 'hostile-corpus-token';

// SQLite always; PostgreSQL 15 when scripts/postgres.sh has been sourced.
const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

type Server = Parameters<typeof request>[0];
type Result = { index: number; status: string; id?: string; reason?: string };

const post = (server: Server, body: unknown) =>
  request(server)
    .post('/api/falco/events')
    .set('Authorization', `Bearer ${TOKEN}`)
    .set('Content-Type', 'application/json; charset=utf-8')
    .send(typeof body === 'string' ? body : JSON.stringify(body));

const alerts = async (server: Server) => {
  const res = await request(server).get('/api/falco/alerts?limit=500').set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body as { totalCount: number; items: Array<Record<string, unknown>> };
};

/** The result of a hostile event sent as events[1]; an event that could be read has an id, rejected or not. */
const expectedResult = (hostile: HostileCase) =>
  hostile.status === 'accepted'
    ? { index: 1, status: 'accepted', id: expect.any(String) }
    : { index: 1, status: hostile.status, reason: expect.stringMatching(hostile.reason) };

/** What GET /alerts lists for it: the stored alert, or nothing. */
const expectedAlert = (hostile: HostileCase) => (hostile.status === 'accepted' ? expect.objectContaining(hostile.stored) : null);

const good = () => sidekickEvent({ namespace: 'good', pod: 'neighbour-1', priority: 'Critical' });

describe.each(databaseIds)('hostile Falco events on %s', databaseId => {
  let server: Server;
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    const backend = await startTestBackend({
      features: [
        falcoPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: { falco: { ingest: { token: TOKEN, maxBodySize: '5mb' }, retention: { events: { days: 30 } } } },
        }),
      ],
    });
    server = backend.server;
  });

  it.each(hostileCases(new Date()).map(c => [c.name, c] as const))(
    '%s: answered on its own, its good neighbours stored',
    async (_name, hostile) => {
      const before = await alerts(server);
      const res = await post(server, [good(), hostile.event, good()]);
      expect({ status: res.status, results: res.body.results?.map((r: Result) => r.status) }).toEqual({
        status: 200,
        results: ['accepted', hostile.status, 'accepted'],
      });
      const result: Result = res.body.results[1];
      expect(result).toMatchObject(expectedResult(hostile));

      const after = await alerts(server);
      expect(after.totalCount).toBe(before.totalCount + (hostile.status === 'accepted' ? 3 : 2));
      const stored = after.items.find(item => item.id === result.id) ?? null;
      expect(stored).toEqual(expectedAlert(hostile));
    },
  );

  it('answers a batch of every hostile case among 40 good events, storing exactly the good ones and the accepted cases', async () => {
    const cases = hostileCases(new Date());
    const goods = Array.from({ length: 40 }, (_, i) => sidekickEvent({ namespace: 'good', pod: `batch-${i}`, priority: 'Warning' }));
    const batch = goods.flatMap((event, i) => (i < cases.length ? [event, cases[i].event] : [event]));
    const before = await alerts(server);
    const beforeCounts = (await request(server).get('/api/falco/overview?days=1').set('Authorization', mockCredentials.user.header())).body;

    const res = await post(server, batch);
    expect(res.status).toBe(200);
    const expected = goods.flatMap((_, i) => (i < cases.length ? ['accepted', cases[i].status] : ['accepted']));
    expect(res.body.results.map((r: Result) => r.status)).toEqual(expected);
    expect(res.body.results.map((r: Result) => r.index)).toEqual(batch.map((_, i) => i));
    const acceptedCases = cases.filter(c => c.status === 'accepted').length;
    expect(res.body).toMatchObject({
      accepted: goods.length + acceptedCases,
      duplicates: 0,
      rejected: cases.filter(c => c.status === 'rejected').length,
      expired: cases.filter(c => c.status === 'expired').length,
    });

    expect((await alerts(server)).totalCount).toBe(before.totalCount + goods.length + acceptedCases);
    // Only stored events are counted: the year-9999 event is not among the warnings.
    const afterCounts = (await request(server).get('/api/falco/overview?days=1').set('Authorization', mockCredentials.user.header())).body;
    expect(afterCounts.totals.warning - beforeCounts.totals.warning).toBe(goods.length);

    // Sent again (Falcosidekick retrying): every stored one is a duplicate, the rest answer as before.
    const again = await post(server, batch);
    expect(again.status).toBe(200);
    expect(again.body.results.map((r: Result) => r.status)).toEqual(expected.map(s => (s === 'accepted' ? 'duplicate' : s)));
  });

  it('answers hostile bodies with 400 naming the problem, or as one rejected event, never 5xx', async () => {
    const rejectedEvent = (reason: RegExp) => ({
      status: 200,
      body: expect.objectContaining({ rejected: 1, results: [{ index: 0, status: 'rejected', reason: expect.stringMatching(reason) }] }),
    });
    const badRequest = (message: RegExp) => ({ status: 400, body: { error: expect.objectContaining({ message: expect.stringMatching(message) }), request: expect.anything(), response: { statusCode: 400 } } });
    const cases: Array<[string, string, object]> = [
      ['JSON nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, rejectedEvent(/^events\[0\]: must be a JSON object/)],
      ['an unfinished JSON text', '[{"rule": ', badRequest(/not valid JSON/)],
      ['a number', '42', badRequest(/must be a Falco event as a JSON object/)],
      ['an empty array', '[]', badRequest(/empty array/)],
      ['an empty object', '{}', rejectedEvent(/^event\.time: is required/)],
      ['a top-level __proto__', '{"__proto__": {"rule": "x"}}', rejectedEvent(/^event\.time: is required/)],
    ];
    for (const [what, body, expected] of cases) {
      const res = await post(server, body);
      expect({ what, status: res.status, body: res.body }).toEqual({ what, ...expected });
    }
  });

  it('answers 503 when nothing can be stored, so the sender retries', async () => {
    await knex.destroy();
    const res = await post(server, [good(), good()]);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/could not be stored.*retry/i);
  });
});
