import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { DefaultGithubCredentialsProvider, ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DoraStore } from '../database/DoraStore';
import { FakeGitHubDeployments, FakeRepository, startFakeGitHubDeployments } from '../__testUtils__/fakeGitHubDeployments';
import { linearRepository, shaOf } from '../__testUtils__/fakeHistory';
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
const s = (n: number) => shaOf(`indexer:${n}`);

/**
 * checkout-service (team checkout), by hand:
 *   c0 −41 d, c1 −10 d, c2 −6 d, c3 −6 d +2 h, c4 −3 d, c5 −1 d on main.
 *   #1 c0 succeeds −40 d           (first: its own commit, lead 24 h; outside 30 days)
 *   #2 c1 succeeds −9 d            (compare c0…c1: c1 24 h)
 *   #3 c3 fails −5 d               ┐ a failure streak: two samples, both ending at #5:
 *   #4 c3 fails −5 d +1 h          ┘ 2 h and 1 h
 *   #5 c3 succeeds −5 d +2 h       (compare c1…c3: c2 26 h, c3 24 h)
 *   #6 c4 succeeds −2 d, inactive −1 d (compare c3…c4: c4 24 h)
 *   #7 c5 in progress since −1 h
 *   #8 c5 to staging (another environment: ignored)
 */
function checkoutRepository(): FakeRepository {
  const status = (id: number, state: string, at: string) => ({ id, state, createdAt: at });
  const deployment = (id: number, sha: string, finished: number, states: Array<[string, number]>, environment = 'production') => ({
    id,
    sha,
    environment,
    createdAt: ago(finished + 600_000),
    statuses: states.map(([state, at], i) => status(id * 10 + i, state, ago(at))),
  });
  return {
    commits: [
      { sha: c(0), committedAt: ago(41 * DAY) },
      { sha: c(1), committedAt: ago(10 * DAY) },
      { sha: c(2), committedAt: ago(6 * DAY) },
      { sha: c(3), committedAt: ago(6 * DAY - 2 * HOUR) },
      { sha: c(4), committedAt: ago(3 * DAY) },
      { sha: c(5), committedAt: ago(1 * DAY) },
    ],
    deployments: [
      deployment(1, c(0), 40 * DAY, [['success', 40 * DAY]]),
      {
        ...deployment(2, c(1), 9 * DAY, [['pending', 9 * DAY + 300_000], ['success', 9 * DAY]]),
        statuses: [
          status(21, 'pending', ago(9 * DAY + 300_000)),
          { ...status(22, 'success', ago(9 * DAY)), logUrl: 'https://github.com/harbor-market/checkout-service/actions/runs/2' },
        ],
      },
      deployment(3, c(3), 5 * DAY, [['in_progress', 5 * DAY + 300_000], ['failure', 5 * DAY]]),
      deployment(4, c(3), 5 * DAY - HOUR, [['failure', 5 * DAY - HOUR]]),
      deployment(5, c(3), 5 * DAY - 2 * HOUR, [['success', 5 * DAY - 2 * HOUR]]),
      deployment(6, c(4), 2 * DAY, [['success', 2 * DAY], ['inactive', DAY]]),
      deployment(7, c(5), HOUR, [['in_progress', HOUR]]),
      deployment(8, c(5), HOUR, [['success', HOUR]], 'staging'),
    ],
  };
}

/**
 * search-indexer (team checkout) has no deployments; its deploy.yml runs on main are used.
 *   s1 −9 d, s2 −8 d, s3 −7 d.
 *   101 s1 succeeds −8 d          (first: lead 24 h)
 *   102 s2 fails −5 d +30 min     (recovered by 104 after 23.5 h; checkout's #5 at −5 d +2 h
 *                                  is another service's deployment and recovers nothing here)
 *   103 s2 cancelled              (deploys nothing)
 *   104 s3 succeeds −4 d          (compare s1…s3: s2 96 h, s3 72 h)
 *   105 s3 fails on release/1.2   ┐ not production deployments: another branch,
 *   106 s3 succeeds for a PR      ┘ and a pull request's branch
 */
function indexerRepository(): FakeRepository {
  const run = (id: number, headSha: string, conclusion: string, finished: number, extra: { headBranch?: string; event?: string } = {}) => ({
    id,
    headSha,
    status: 'completed' as const,
    conclusion,
    createdAt: ago(finished + HOUR),
    updatedAt: ago(finished),
    ...extra,
  });
  return {
    commits: [1, 2, 3].map(n => ({ sha: s(n), committedAt: ago((10 - n) * DAY) })),
    deployments: [],
    workflowRuns: {
      'deploy.yml': [
        run(101, s(1), 'success', 8 * DAY),
        run(102, s(2), 'failure', 5 * DAY - HOUR / 2),
        run(103, s(2), 'cancelled', 5 * DAY - HOUR),
        run(104, s(3), 'success', 4 * DAY),
        run(105, s(3), 'failure', 4 * DAY - HOUR, { headBranch: 'release/1.2' }),
        run(106, s(3), 'success', 4 * DAY - 2 * HOUR, { headBranch: 'feature/preview', event: 'pull_request' }),
      ],
    },
  };
}

/** payments-service (team payments): 250 deployments, one an hour, ending a day ago: three pages. */
const paymentsRepository = () =>
  linearRepository({ name: 'payments', commits: 260, endsAt: new Date(now.getTime() - DAY), deployAfterCommits: Array.from({ length: 250 }, (_, i) => i + 1) });

const component = (name: string, owner: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const entities = [
  component('checkout-service', 'checkout', { 'github.com/project-slug': 'harbor-market/checkout-service' }),
  component('search-indexer', 'checkout', { 'github.com/project-slug': 'harbor-market/search-indexer', 'devportal.io/deploy-workflow': 'deploy.yml' }),
];
const paymentsComponent = component('payments-service', 'payments', { 'github.com/project-slug': 'harbor-market/payments-service' });
const CHECKOUT = 'component:default/checkout-service';
const INDEXER = 'component:default/search-indexer';
const PAYMENTS = 'component:default/payments-service';

const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

describe.each(databaseIds)('DoraRefresher against a fake GitHub, stored on %s', databaseId => {
  let github: FakeGitHubDeployments;
  let store: DoraStore;
  let readModel: DoraReadModel;
  let client: OctokitDeploymentsClient;

  const refresher = (runFilter = { branch: null as string | null, event: null as string | null }, list = entities) =>
    new DoraRefresher({
      catalog: catalogServiceMock({ entities: list }),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      client,
      environment: 'production',
      workflow: null,
      runFilter,
      concurrency: 4,
      historyDays: 98,
    });

  beforeEach(async () => {
    github = await startFakeGitHubDeployments({
      token: TOKEN,
      repositories: {
        'harbor-market/checkout-service': checkoutRepository(),
        'harbor-market/search-indexer': indexerRepository(),
      },
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
    readModel = new DoraReadModel({ store, webBaseUrl: 'https://github.com', demo: false, timeZone: 'Europe/Berlin' });
  });
  afterEach(() => github.stop());

  const requestsFor = (repo: string) => github.requests.filter(r => r.path.includes(`/${repo}`));
  const service = async (ref: string, window: '30d' | '90d' = '90d', at = now) => readModel.service((await store.getService(ref))!, at, window);

  it('computes the known-answer metrics of a history with a failure streak, for 90 and 30 days', async () => {
    await expect(refresher().refresh(now)).resolves.toEqual({ services: 2, failed: 0 });
    // 1 listing + 7 status lists + 1 commit (first deployment) + 3 comparisons.
    expect(requestsFor('checkout-service').map(r => r.path.replace('/repos/harbor-market/checkout-service', ''))).toEqual(
      expect.arrayContaining(['/deployments', '/deployments/1/statuses', `/commits/${c(0)}`, `/compare/${c(1)}...${c(3)}`]),
    );
    expect(requestsFor('checkout-service')).toHaveLength(12);
    const checkout = await service(CHECKOUT);
    expect(checkout.history).toEqual({ complete: true, pagesRead: 1, pagesTotal: 1, deploymentsPending: 0 });
    expect(checkout.metrics).toEqual({
      windowDays: 90,
      deployments: 4,
      failures: 2,
      deploysPerDay: 4 / 90,
      deploysPerWeek: (4 / 90) * 7,
      // Lead times 24, 24, 26, 24, 24 h: median 24 h, p90 (5th of 5) 26 h.
      leadTime: { medianSeconds: 24 * 3600, p90Seconds: 26 * 3600, commits: 5 },
      changeFailRate: 2 / 6,
      // One sample per failed deployment: 2 h and 1 h.
      recovery: { medianSeconds: 1.5 * 3600, recovered: 2, unrecovered: 0 },
      // A third failing is more than any cluster above Low allows.
      tier: 'low',
    });
    // 30 days: #1 (−40 d) drops out.
    expect((await service(CHECKOUT, '30d')).metrics).toMatchObject({
      windowDays: 30,
      deployments: 3,
      changeFailRate: 0.4,
      leadTime: { medianSeconds: 24 * 3600, p90Seconds: 26 * 3600, commits: 4 },
      recovery: { medianSeconds: 1.5 * 3600, recovered: 2, unrecovered: 0 },
    });
    expect(checkout.source).toBe('deployments');
    expect(checkout.latest.map(d => [d.id, d.state])).toEqual([
      ['deployment:7', 'in_progress'],
      ['deployment:6', 'success'],
      ['deployment:5', 'success'],
      ['deployment:4', 'failure'],
      ['deployment:3', 'failure'],
      ['deployment:2', 'success'],
      ['deployment:1', 'success'],
    ]);
    expect(checkout.latest[5]).toMatchObject({
      url: 'https://github.com/harbor-market/checkout-service/actions/runs/2',
      commitUrl: `https://github.com/harbor-market/checkout-service/commit/${c(1)}`,
      finishedAt: ago(9 * DAY),
    });
    // Weeks start on Monday 00:00 in Berlin: the current one on 2026-11-22T23:00Z.
    expect(checkout.timeZone).toBe('Europe/Berlin');
    expect(checkout.weekly!.at(-1)).toEqual({
      weekStart: '2026-11-22T23:00:00.000Z',
      // #6 on Wednesday; #5 (Sunday 22 November, 15:00 in Berlin) belongs to the week before.
      deployments: 1,
      failures: 0,
      changeFailRate: 0,
      medianLeadTimeSeconds: 24 * 3600,
      medianRecoverySeconds: null,
    });
    expect(checkout.lastError).toBeNull();
  });

  it('counts only the deploy workflow’s runs on the default branch', async () => {
    await refresher().refresh(now);
    const indexer = await service(INDEXER);
    expect(indexer.source).toBe('workflow-runs');
    // The default branch is asked for once, and GitHub filters the runs by it.
    expect(requestsFor('search-indexer').filter(r => r.path === '/repos/harbor-market/search-indexer')).toHaveLength(1);
    expect(requestsFor('search-indexer').find(r => r.path.endsWith('/runs'))?.query).toMatchObject({ branch: 'main' });
    expect(indexer.latest.map(d => [d.id, d.state, d.ref])).toEqual([
      ['run:104', 'success', 'main'],
      ['run:103', 'inactive', 'main'],
      ['run:102', 'failure', 'main'],
      ['run:101', 'success', 'main'],
    ]);
    // Successes at −8 d and −4 d, one failure; the cancelled, release-branch and PR runs count for nothing.
    expect(indexer.metrics).toMatchObject({ deployments: 2, failures: 1, changeFailRate: 1 / 3 });
    expect(indexer.metrics!.recovery).toEqual({ medianSeconds: 23.5 * 3600, recovered: 1, unrecovered: 0 });
    // s1 committed −9 d, deployed −8 d; s2 −8 d and s3 −7 d, deployed −4 d.
    expect(indexer.metrics!.leadTime).toEqual({ medianSeconds: 72 * 3600, p90Seconds: 96 * 3600, commits: 3 });
  });

  it('counts the runs of a configured branch and event instead', async () => {
    // Read once on main, then configured for release/1.2: main's stored runs stop counting.
    await refresher().refresh(now);
    github.requests.length = 0;
    await refresher({ branch: 'release/1.2', event: 'push' }).refresh(now);
    const indexer = await service(INDEXER);
    expect(requestsFor('search-indexer').filter(r => r.path === '/repos/harbor-market/search-indexer')).toHaveLength(0);
    expect(requestsFor('search-indexer').find(r => r.path.endsWith('/runs'))?.query).toMatchObject({ branch: 'release/1.2', event: 'push' });
    expect(indexer.latest.map(d => d.id)).toEqual(['run:105']);
    expect(indexer.metrics).toMatchObject({ deployments: 0, failures: 1, tier: null });
  });

  it("gives a team its own figures and tier: every service's deployments, recoveries within each service", async () => {
    await refresher().refresh(now);
    const team = await readModel.team('group:default/checkout', await store.listServices({ ownerRef: 'group:default/checkout' }), now, '90d');
    expect(team.services.map(r => r.entityRef)).toEqual([CHECKOUT, INDEXER]);
    expect(team.metrics).toEqual({
      windowDays: 90,
      deployments: 6,
      failures: 3,
      deploysPerDay: 6 / 90,
      deploysPerWeek: (6 / 90) * 7,
      // checkout 24, 24, 26, 24, 24 h and indexer 24, 96, 72 h.
      leadTime: { medianSeconds: 24 * 3600, p90Seconds: 96 * 3600, commits: 8 },
      changeFailRate: 3 / 9,
      // checkout's 2 h and 1 h, indexer's 23.5 h: median 2 h. One timeline of both services
      // would have let checkout's #5 recover indexer's failure after 1.5 h (median 1.5 h).
      recovery: { medianSeconds: 2 * 3600, recovered: 3, unrecovered: 0 },
      tier: 'low',
    });
    expect(team.tier).toBe('low');
    expect(team.weekly).toHaveLength(13);
  });

  it('spends only 304s when nothing changed, and reads only what is new', async () => {
    await refresher().refresh(now);
    github.requests.length = 0;

    await refresher().refresh(now);
    // The listing and the one unfinished deployment's statuses: both not modified.
    expect(requestsFor('checkout-service').map(r => [r.path.replace('/repos/harbor-market/checkout-service', ''), r.status])).toEqual([
      ['/deployments', 304],
      ['/deployments/7/statuses', 304],
    ]);
    // Its (empty) deployments and its runs.
    expect(requestsFor('search-indexer').map(r => r.status)).toEqual([304, 304]);

    // #7 succeeds 30 min ago: its statuses change, and c5 (−1 d) gets a lead time of 23.5 h.
    github.repositories.get('harbor-market/checkout-service')!.deployments[6].statuses.push({ id: 99, state: 'success', createdAt: ago(HOUR / 2) });
    github.requests.length = 0;
    await refresher().refresh(now);
    expect(requestsFor('checkout-service').map(r => [r.path.replace('/repos/harbor-market/checkout-service', ''), r.status])).toEqual([
      ['/deployments', 200],
      ['/deployments/7/statuses', 200],
      [`/compare/${c(4)}...${c(5)}`, 200],
    ]);
    const checkout = await service(CHECKOUT);
    expect(checkout.metrics!.deployments).toBe(5);
    // 23.5, 24, 24, 24, 24, 26 h: median 24 h.
    expect(checkout.metrics!.leadTime).toEqual({ medianSeconds: 24 * 3600, p90Seconds: 26 * 3600, commits: 6 });
  });

  it('shows a history cut short by the rate limit as "reading", with no figures, and carries on where it stopped', async () => {
    github.repositories.set('harbor-market/payments-service', paymentsRepository());
    const withPayments = () => refresher(undefined, [...entities, paymentsComponent]);
    // Page 3 of payments' deployments is rate limited until an hour from now, longer than the client waits.
    github.failNext(/payments-service\/deployments\?.*\bpage=3\b/, { kind: 'primary', status: 403, resetInSeconds: 3600 });
    await expect(withPayments().refresh(now)).resolves.toEqual({ services: 3, failed: 1 });

    const payments = await service(PAYMENTS);
    expect(payments.history).toEqual({ complete: false, pagesRead: 2, pagesTotal: 3, deploymentsPending: 200 });
    expect(payments.metrics).toBeNull();
    expect(payments.weekly).toBeNull();
    expect(payments.lastError).toMatch(/^GitHub answered 403 \(API rate limit exceeded/);
    expect(payments.stale).toBe(true);

    const overview = await readModel.overview(await store.listServices(), now, '90d');
    expect(overview).toMatchObject({ servicesReading: 1, servicesStale: 1, asOf: now.toISOString() });
    const row = overview.services.find(r => r.entityRef === PAYMENTS)!;
    expect(row).toMatchObject({ metrics: null, history: { complete: false, pagesRead: 2, pagesTotal: 3 } });
    // No tier for a partial read, and no team figures from it: the team has none yet.
    expect(overview.teams.find(t => t.entityRef === 'group:default/payments')).toEqual({
      entityRef: 'group:default/payments',
      tier: null,
      services: 1,
      servicesReading: 1,
      metrics: null,
    });
    // Scorecards get nothing for it (unknown), rather than 1 deploy and tier Low.
    const facts = await readModel.facts(await store.listServices(), now);
    expect(facts.items.map(i => i.entityRef)).toEqual([CHECKOUT, INDEXER]);

    github.requests.length = 0;
    const later = new Date(now.getTime() + HOUR);
    await expect(withPayments().refresh(later)).resolves.toEqual({ services: 3, failed: 0 });
    // Page 1 for anything new, then straight on to page 3.
    expect(requestsFor('payments-service').filter(r => r.path.endsWith('/deployments')).map(r => r.query.page)).toEqual(['1', '3']);
    const done = await service(PAYMENTS, '90d', later);
    expect(done.history).toEqual({ complete: true, pagesRead: 3, pagesTotal: 3, deploymentsPending: 0 });
    // 250 deployments, each shipping one commit made 30 min before it finished: Elite.
    expect(done.metrics).toMatchObject({ deployments: 250, failures: 0, leadTime: { medianSeconds: 1800, p90Seconds: 1800, commits: 250 }, tier: 'elite' });
  });

  it('keeps the last good data, marks it stale and dates the overview by its oldest read when GitHub fails', async () => {
    await refresher().refresh(now);
    github.failNext(/checkout-service/, { kind: 'server-error' }, 10);
    const later = new Date(now.getTime() + HOUR);
    await expect(refresher().refresh(later)).resolves.toEqual({ services: 2, failed: 1 });

    const checkout = await service(CHECKOUT, '90d', later);
    expect(checkout.metrics!.deployments).toBe(4);
    expect(checkout.lastSuccessAt).toBe(now.toISOString());
    expect(checkout.stale).toBe(true);
    expect(checkout.lastError).toMatch(/GitHub answered 502 .* GET \/repos\/harbor-market\/checkout-service\/deployments/);

    // Refreshed: the oldest service's last complete read, not the newest.
    const overview = await readModel.overview(await store.listServices(), later, '90d');
    expect(overview.asOf).toBe(now.toISOString());
    expect(overview.servicesStale).toBe(1);
    expect(overview.services.filter(r => r.stale).map(r => r.entityRef)).toEqual([CHECKOUT]);

    const facts = await readModel.facts(await store.listServices(), later);
    expect(facts.lastError).toMatch(/^1 of 2 repositories failed their last ingestion; harbor-market\/checkout-service: /);
    expect(facts.items).toEqual([
      {
        entityRef: CHECKOUT,
        // #6 (−2 d) and #5 (−5 d +2 h) are within the 7 days before `later`; #2 (−9 d) is not.
        deploysLast7Days: 2,
        deploysPerWeek28d: 3 / 4,
        lastDeployAt: ago(2 * DAY),
        tier: 'low',
      },
      {
        entityRef: INDEXER,
        deploysLast7Days: 1,
        deploysPerWeek28d: 2 / 4,
        lastDeployAt: ago(4 * DAY),
        tier: 'low',
      },
    ]);
  });
});

describe('DoraRefresher in demo mode', () => {
  it('invents no past for a component created after the demo started', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DoraStore.create(mockServices.database({ knex }));
    const demo = (list: Entity[]) =>
      new DoraRefresher({
        catalog: catalogServiceMock({ entities: list }),
        auth: mockServices.auth(),
        store,
        logger: mockServices.logger.mock(),
        environment: 'production',
        workflow: null,
        concurrency: 2,
        historyDays: 98,
      });
    const fresh = component('new-service', 'checkout', { 'github.com/project-slug': 'harbor-market/new-service' });
    const started = new Date('2026-11-01T09:00:00Z');
    await demo(entities).refresh(started);
    // new-service appears two weeks later (the first refresh after it was created from a template).
    const created = new Date('2026-11-15T09:00:00Z');
    await demo([...entities, fresh]).refresh(created);
    const at = new Date('2026-11-27T20:00:00Z');
    await demo([...entities, fresh]).refresh(at);

    const readModel = new DoraReadModel({ store, webBaseUrl: 'https://github.com', demo: true, timeZone: 'Europe/Berlin' });
    const newService = await readModel.service((await store.getService('component:default/new-service'))!, at, '90d');
    const deployedAt = (await store.listDeployments('component:default/new-service')).map(d => d.createdAt.getTime());
    // It deploys a few times a day from the day it appeared, and never before.
    expect(deployedAt.length).toBeGreaterThan(10);
    expect(Math.min(...deployedAt)).toBeGreaterThanOrEqual(created.getTime());
    const weeksBefore = newService.weekly!.filter(w => Date.parse(w.weekStart) < Date.parse('2026-11-08T23:00:00Z'));
    expect(weeksBefore).toHaveLength(10);
    expect(weeksBefore.every(w => w.deployments + w.failures === 0)).toBe(true);
    // The demo organisation's component keeps its full invented past.
    const checkout = (await store.listDeployments(CHECKOUT)).map(d => d.createdAt.getTime());
    expect(Math.min(...checkout)).toBeLessThan(started.getTime() - 60 * DAY);
  });
});
