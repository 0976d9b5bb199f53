import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultGithubCredentialsProvider, ScmIntegrations } from '@backstage/integration';
import { FakeGitHubDeployments, startFakeGitHubDeployments } from '../__testUtils__/fakeGitHubDeployments';
import { linearRepository, shaOf } from '../__testUtils__/fakeHistory';
import { OctokitDeploymentsClient } from './OctokitDeploymentsClient';

const TOKEN = 'ghs_fake_installation_token';
// One second of retry-after / reset is 100 ms here, so the waits are measurable but short.
const SECOND_MS = 100;
const repository = { owner: 'harbor-market', repo: 'checkout-service' };

describe('OctokitDeploymentsClient against a fake GitHub', () => {
  let github: FakeGitHubDeployments;
  const client = (token = TOKEN, maxRateLimitWaitSeconds = 30, timeoutMs = 5_000) => {
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({ integrations: { github: [{ host: 'github.com', apiBaseUrl: github.url, token }] } }),
    );
    return new OctokitDeploymentsClient({
      apiBaseUrl: github.url,
      host: 'github.com',
      credentials: DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      logger: mockServices.logger.mock(),
      secondMs: SECOND_MS,
      maxRateLimitWaitSeconds,
      timeoutMs,
    });
  };

  beforeEach(async () => {
    const repo = linearRepository({
      name: 'checkout',
      commits: 260,
      endsAt: new Date('2026-11-20T12:00:00Z'),
      deployAfterCommits: Array.from({ length: 250 }, (_, i) => i + 1),
    });
    github = await startFakeGitHubDeployments({ token: TOKEN, repositories: { 'harbor-market/checkout-service': repo } });
  });
  afterEach(() => github.stop());

  it('pages through deployments newest first by the Link header', async () => {
    const c = client();
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      pages.push(await c.listDeployments(repository, { environment: 'production', page }));
    }
    // The Link header's `last` says how many pages there are, until the last page itself.
    expect(pages.map(p => (p.notModified ? 'not modified' : [p.items.length, p.hasNextPage, p.lastPage]))).toEqual([
      [100, true, 3],
      [100, true, 3],
      [50, false, null],
    ]);
    const first = pages[0];
    expect(!first.notModified && first.items[0].id).toBe(250);
    expect(github.requests.map(r => r.query.per_page)).toEqual(['100', '100', '100']);
  });

  it('sends the stored ETag and gets a 304 that does not use up the rate limit', async () => {
    const c = client();
    const first = await c.listDeployments(repository, { environment: 'production', page: 1 });
    if (first.notModified) throw new Error('expected a first page');
    expect(first.etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const second = await c.listDeployments(repository, { environment: 'production', page: 1, etag: first.etag! });
    expect(second).toEqual({ notModified: true });
    expect(github.requests.map(r => [r.ifNoneMatch, r.status])).toEqual([
      [undefined, 200],
      [first.etag, 304],
    ]);
    expect(c.counters).toEqual({ requests: 2, notModified: 1, rateLimited: 0 });

    // A new deployment changes the page: the same ETag now gets a 200.
    github.repositories.get('harbor-market/checkout-service')!.deployments.push({
      id: 251,
      sha: shaOf('checkout:251'),
      environment: 'production',
      createdAt: '2026-11-21T00:00:00Z',
      statuses: [],
    });
    const third = await c.listDeployments(repository, { environment: 'production', page: 1, etag: first.etag! });
    expect(!third.notModified && third.items[0].id).toBe(251);
  });

  it.each([403, 429] as const)('waits out a secondary rate limit (%i) for its retry-after', async status => {
    github.failNext(/\/deployments$/, { kind: 'secondary', status, retryAfterSeconds: 3 });
    const c = client();
    const page = await c.listDeployments(repository, { environment: 'production', page: 1 });
    expect(page.notModified).toBe(false);
    expect(github.requests.map(r => r.status)).toEqual([status, 200]);
    expect(github.requests[1].at - github.requests[0].at).toBeGreaterThanOrEqual(3 * SECOND_MS - 10);
  });

  it.each([403, 429] as const)('waits for x-ratelimit-reset when the primary limit is used up (%i)', async status => {
    github.failNext(/\/statuses$/, { kind: 'primary', status, resetInSeconds: 2 });
    const c = client();
    const statuses = await c.listDeploymentStatuses(repository, 1, {});
    expect(!statuses.notModified && statuses.items.map(s => s.state)).toEqual(['success', 'in_progress']);
    expect(github.requests.map(r => r.status)).toEqual([status, 200]);
    // reset is 2 s away, rounded up to whole seconds by GitHub's epoch-seconds header.
    expect(github.requests[1].at - github.requests[0].at).toBeGreaterThanOrEqual(1 * SECOND_MS);
    expect(c.counters.rateLimited).toBeGreaterThanOrEqual(1);
  });

  it('gives up at once when the wait is longer than allowed, so the next refresh retries', async () => {
    github.failNext(/\/deployments$/, { kind: 'secondary', status: 403, retryAfterSeconds: 600 });
    const c = client(TOKEN, 60);
    await expect(c.listDeployments(repository, { environment: 'production', page: 1 })).rejects.toMatchObject({ status: 403 });
    expect(github.requests).toHaveLength(1);
  });

  it('retries a 502 and fails with 401 on a wrong token', async () => {
    github.failNext(/\/deployments$/, { kind: 'server-error' });
    await expect(client().listDeployments(repository, { environment: 'production', page: 1 })).resolves.toMatchObject({
      notModified: false,
    });
    await expect(client('wrong').listDeployments(repository, { environment: 'production', page: 1 })).rejects.toMatchObject({
      status: 401,
    });
  });

  it('keeps the token it sent out of an error that quotes it back', async () => {
    github.failNext(/\/deployments$/, { kind: 'quoting-gateway' });
    const failure = client().listDeployments(repository, { environment: 'production', page: 1 });
    await expect(failure).rejects.toMatchObject({ status: 403 });
    await expect(failure).rejects.toThrow('Forbidden by the gateway: authorization was "<redacted>"');
  });

  it('gives up on a request GitHub never answers after the timeout', async () => {
    github.failNext(/\/commits\//, { kind: 'hang' }, 10);
    const started = Date.now();
    await expect(client(TOKEN, 30, 300).getCommit(repository, shaOf('checkout:1'))).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads every page of a comparison and commit dates', async () => {
    const c = client();
    const commits = await c.compareCommits(repository, shaOf('checkout:10'), shaOf('checkout:160'));
    expect(commits).toHaveLength(150);
    expect(commits[0]).toEqual({ sha: shaOf('checkout:11'), committedAt: expect.any(String) });
    expect(commits[149].sha).toBe(shaOf('checkout:160'));
    expect(github.requests.filter(r => r.path.includes('/compare/'))).toHaveLength(2);
    const head = await c.getCommit(repository, shaOf('checkout:260'));
    expect(head).toEqual({ sha: shaOf('checkout:260'), committedAt: '2026-11-20T12:00:00.000Z' });
  });
});
