import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { DefaultGithubCredentialsProvider, ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DoraStore } from '../database/DoraStore';
import { FakeGitHubDeployments, FakeRepository, startFakeGitHubDeployments } from '../__testUtils__/fakeGitHubDeployments';
import { shaOf } from '../__testUtils__/fakeHistory';
import { OctokitDeploymentsClient } from '../github/OctokitDeploymentsClient';
import { DoraReadModel } from '../service/DoraReadModel';
import { DoraRefresher } from './DoraRefresher';

jest.setTimeout(60_000);

const TOKEN = 'ghp_fake';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const now = new Date('2026-11-27T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const c = (n: number) => shaOf(`checkout:c${n}`);

/**
 * checkout-service, by hand:
 *   c1 −10 d, c2 −6 d, c3 −6 d +2 h, c4 −3 d, c5 −1 d on main.
 *   #1 c1 succeeds −9 d            (first: its own commit, lead 24 h)
 *   #2 c3 fails −5 d
 *   #3 c3 succeeds −5 d +2 h       (compare c1…c3: c2 26 h, c3 24 h; recovers #2 in 2 h)
 *   #4 c4 succeeds −2 d, inactive −1 d (compare c3…c4: c4 24 h)
 *   #5 c5 in progress since −1 h
 *   #6 c5 to staging (another environment: ignored)
 */
function checkoutRepository(): FakeRepository {
  return {
    commits: [
      { sha: c(1), committedAt: ago(10 * DAY) },
      { sha: c(2), committedAt: ago(6 * DAY) },
      { sha: c(3), committedAt: ago(6 * DAY - 2 * HOUR) },
      { sha: c(4), committedAt: ago(3 * DAY) },
      { sha: c(5), committedAt: ago(1 * DAY) },
    ],
    deployments: [
      { id: 1, sha: c(1), environment: 'production', createdAt: ago(9 * DAY + 600_000), statuses: [
        { id: 11, state: 'pending', createdAt: ago(9 * DAY + 300_000) },
        { id: 12, state: 'success', createdAt: ago(9 * DAY), logUrl: 'https://github.com/harbor-market/checkout-service/actions/runs/1' },
      ] },
      { id: 2, sha: c(3), environment: 'production', createdAt: ago(5 * DAY + 600_000), statuses: [
        { id: 21, state: 'in_progress', createdAt: ago(5 * DAY + 300_000) },
        { id: 22, state: 'failure', createdAt: ago(5 * DAY) },
      ] },
      { id: 3, sha: c(3), environment: 'production', createdAt: ago(5 * DAY - 2 * HOUR + 600_000), statuses: [
        { id: 31, state: 'success', createdAt: ago(5 * DAY - 2 * HOUR) },
      ] },
      { id: 4, sha: c(4), environment: 'production', createdAt: ago(2 * DAY + 600_000), statuses: [
        { id: 41, state: 'success', createdAt: ago(2 * DAY) },
        { id: 42, state: 'inactive', createdAt: ago(1 * DAY) },
      ] },
      { id: 5, sha: c(5), environment: 'production', createdAt: ago(HOUR + 600_000), statuses: [
        { id: 51, state: 'in_progress', createdAt: ago(HOUR) },
      ] },
      { id: 6, sha: c(5), environment: 'staging', createdAt: ago(HOUR), statuses: [{ id: 61, state: 'success', createdAt: ago(HOUR) }] },
    ],
  };
}

/** search-indexer has no deployments; its deploy.yml runs are used. */
function indexerRepository(): FakeRepository {
  const s = (n: number) => shaOf(`indexer:${n}`);
  return {
    commits: [1, 2, 3].map(n => ({ sha: s(n), committedAt: ago((10 - n) * DAY) })),
    deployments: [],
    workflowRuns: {
      'deploy.yml': [
        { id: 101, headSha: s(1), status: 'completed', conclusion: 'success', createdAt: ago(8 * DAY + HOUR), updatedAt: ago(8 * DAY) },
        { id: 102, headSha: s(2), status: 'completed', conclusion: 'failure', createdAt: ago(7 * DAY + HOUR), updatedAt: ago(7 * DAY) },
        { id: 103, headSha: s(2), status: 'completed', conclusion: 'cancelled', createdAt: ago(7 * DAY), updatedAt: ago(7 * DAY - 60_000) },
        { id: 104, headSha: s(3), status: 'completed', conclusion: 'success', createdAt: ago(6 * DAY + HOUR), updatedAt: ago(6 * DAY) },
      ],
    },
  };
}

const component = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout' },
});
const entities = [
  component('checkout-service', { 'github.com/project-slug': 'harbor-market/checkout-service' }),
  component('search-indexer', { 'github.com/project-slug': 'harbor-market/search-indexer', 'devportal.io/deploy-workflow': 'deploy.yml' }),
];

const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

describe.each(databaseIds)('DoraRefresher against a fake GitHub, stored on %s', databaseId => {
  let github: FakeGitHubDeployments;
  let store: DoraStore;
  let refresher: DoraRefresher;
  let readModel: DoraReadModel;
  let client: OctokitDeploymentsClient;

  beforeEach(async () => {
    github = await startFakeGitHubDeployments({
      token: TOKEN,
      repositories: { 'harbor-market/checkout-service': checkoutRepository(), 'harbor-market/search-indexer': indexerRepository() },
    });
    const knex = await databases.init(databaseId);
    store = await DoraStore.create(mockServices.database({ knex }));
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({ integrations: { github: [{ host: 'github.com', apiBaseUrl: github.url, token: TOKEN }] } }),
    );
    client = new OctokitDeploymentsClient({
      apiBaseUrl: github.url,
      host: 'github.com',
      credentials: DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      logger: mockServices.logger.mock(),
      secondMs: 1,
    });
    refresher = new DoraRefresher({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      client,
      environment: 'production',
      workflow: null,
      concurrency: 4,
      historyDays: 98,
    });
    readModel = new DoraReadModel({ store, webBaseUrl: 'https://github.com', demo: false });
  });
  afterEach(() => github.stop());

  const checkoutRequests = () => github.requests.filter(r => r.path.includes('checkout-service'));
  const service = async (ref: string) => readModel.service((await store.getService(ref))!, now);

  it('computes the known-answer metrics of a deployment history', async () => {
    await expect(refresher.refresh(now)).resolves.toEqual({ services: 2, failed: 0 });
    // 1 listing + 5 status lists + 1 commit (first deployment) + 2 comparisons.
    expect(checkoutRequests().map(r => r.path.replace('/repos/harbor-market/checkout-service', ''))).toEqual(
      expect.arrayContaining(['/deployments', '/deployments/1/statuses', `/commits/${c(1)}`, `/compare/${c(1)}...${c(3)}`, `/compare/${c(3)}...${c(4)}`]),
    );
    expect(checkoutRequests()).toHaveLength(9);

    const checkout = await service('component:default/checkout-service');
    expect(checkout.metrics).toEqual({
      windowDays: 90,
      deployments: 3,
      failures: 1,
      deploysPerDay: 3 / 90,
      deploysPerWeek: (3 / 90) * 7,
      // Lead times 24, 26, 24, 24 h: median 24 h, p90 (4th of 4) 26 h.
      leadTime: { medianSeconds: 24 * 3600, p90Seconds: 26 * 3600, commits: 4 },
      changeFailRate: 0.25,
      recovery: { medianSeconds: 2 * 3600, recovered: 1, unresolved: false },
      // A quarter failing is more than any cluster above Low allows.
      tier: 'low',
    });
    expect(checkout.source).toBe('deployments');
    expect(checkout.latest.map(d => [d.id, d.state])).toEqual([
      ['deployment:5', 'in_progress'],
      ['deployment:4', 'success'],
      ['deployment:3', 'success'],
      ['deployment:2', 'failure'],
      ['deployment:1', 'success'],
    ]);
    expect(checkout.latest[4]).toMatchObject({
      url: 'https://github.com/harbor-market/checkout-service/actions/runs/1',
      commitUrl: `https://github.com/harbor-market/checkout-service/commit/${c(1)}`,
      finishedAt: ago(9 * DAY),
    });
    expect(checkout.lastError).toBeNull();
  });

  it('falls back to the deploy workflow runs when a repository has no deployments', async () => {
    await refresher.refresh(now);
    const indexer = await service('component:default/search-indexer');
    expect(indexer.source).toBe('workflow-runs');
    expect(indexer.latest.map(d => [d.id, d.state])).toEqual([
      ['run:104', 'success'],
      ['run:103', 'inactive'],
      ['run:102', 'failure'],
      ['run:101', 'success'],
    ]);
    // Successes at −8 d and −6 d, one failure at −7 d recovered after 1 d; the cancelled run counts for nothing.
    expect(indexer.metrics).toMatchObject({ deployments: 2, failures: 1, changeFailRate: 1 / 3 });
    expect(indexer.metrics.recovery.medianSeconds).toBe(DAY / 1000);
    // indexer:1 committed −9 d, deployed −8 d; indexer:2 −8 d and indexer:3 −7 d, deployed −6 d.
    expect(indexer.metrics.leadTime).toEqual({ medianSeconds: 24 * 3600, p90Seconds: 48 * 3600, commits: 3 });
  });

  it('spends only 304s when nothing changed, and reads only what is new', async () => {
    await refresher.refresh(now);
    github.requests.length = 0;

    await refresher.refresh(now);
    // The listing and the one unfinished deployment's statuses: both not modified.
    expect(checkoutRequests().map(r => [r.path.replace('/repos/harbor-market/checkout-service', ''), r.status])).toEqual([
      ['/deployments', 304],
      ['/deployments/5/statuses', 304],
    ]);
    expect(github.requests.filter(r => r.path.includes('search-indexer')).map(r => r.status)).toEqual([304, 304]);

    // #5 succeeds 30 min ago: its statuses change, and c5 (−1 d) gets a lead time of 23.5 h.
    github.repositories.get('harbor-market/checkout-service')!.deployments[4].statuses.push({
      id: 52,
      state: 'success',
      createdAt: ago(HOUR / 2),
    });
    github.requests.length = 0;
    await refresher.refresh(now);
    expect(checkoutRequests().map(r => [r.path.replace('/repos/harbor-market/checkout-service', ''), r.status])).toEqual([
      ['/deployments', 200],
      ['/deployments/5/statuses', 200],
      [`/compare/${c(4)}...${c(5)}`, 200],
    ]);
    const checkout = await service('component:default/checkout-service');
    expect(checkout.metrics.deployments).toBe(4);
    // 23.5, 24, 24, 24, 26 h: median 24 h.
    expect(checkout.metrics.leadTime).toEqual({ medianSeconds: 24 * 3600, p90Seconds: 26 * 3600, commits: 5 });
  });

  it('keeps the last good data and says why when GitHub fails', async () => {
    await refresher.refresh(now);
    github.failNext(/checkout-service/, { kind: 'server-error' }, 10);
    const later = new Date(now.getTime() + HOUR);
    await expect(refresher.refresh(later)).resolves.toEqual({ services: 2, failed: 1 });

    const checkout = await readModel.service((await store.getService('component:default/checkout-service'))!, later);
    expect(checkout.metrics.deployments).toBe(3);
    expect(checkout.lastSuccessAt).toBe(now.toISOString());
    expect(checkout.lastError).toMatch(/GitHub answered 502 .* GET \/repos\/harbor-market\/checkout-service\/deployments/);

    const facts = await readModel.facts(await store.listServices(), later);
    expect(facts.lastError).toMatch(/^1 of 2 repositories failed their last ingestion; harbor-market\/checkout-service: /);
    expect(facts.items).toEqual([
      {
        entityRef: 'component:default/checkout-service',
        // #4 (−2 d) and #3 (−5 d +2 h) are within the 7 days before `later`; #1 (−9 d) is not.
        deploysLast7Days: 2,
        deploysPerWeek28d: 3 / 4,
        lastDeployAt: ago(2 * DAY),
        tier: 'low',
      },
      {
        entityRef: 'component:default/search-indexer',
        deploysLast7Days: 1,
        deploysPerWeek28d: 2 / 4,
        lastDeployAt: ago(6 * DAY),
        tier: 'low',
      },
    ]);
  });
});
