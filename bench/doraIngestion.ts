// Driven by bench/dora.mjs (run through Backstage's TypeScript transform): DORA ingestion
// of N repositories × D days of deployments from the contract-fake GitHub into SQLite,
// through the real refresher, Octokit client and store. Prints one JSON line.
import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultGithubCredentialsProvider, ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { DoraStore } from '../plugins/dora-backend/src/database/DoraStore';
import { OctokitDeploymentsClient } from '../plugins/dora-backend/src/github/OctokitDeploymentsClient';
import { DoraRefresher } from '../plugins/dora-backend/src/ingest/DoraRefresher';
import { DoraReadModel } from '../plugins/dora-backend/src/service/DoraReadModel';
import { FakeRepository, startFakeGitHubDeployments } from '../plugins/dora-backend/src/__testUtils__/fakeGitHubDeployments';
import { shaOf } from '../plugins/dora-backend/src/__testUtils__/fakeHistory';

const repositories = Number(process.argv[2] ?? 500);
const days = Number(process.argv[3] ?? 90);
const concurrency = Number(process.argv[4] ?? 8);
const TOKEN = 'ghp_bench';
const HOUR = 3600 * 1000;
const now = new Date();
const quiet: LoggerService = { info() {}, debug() {}, warn() {}, error() {}, child: () => quiet };

/** Repository i deploys 0.25 to 2.5 times a day (about 1.1 on average), 10% failing; 1 to 3 commits per deployment. */
function repository(i: number): FakeRepository {
  const perDay = 0.25 + (i % 10) * 0.25;
  const repo: FakeRepository = { commits: [], deployments: [] };
  const start = now.getTime() - days * 24 * HOUR;
  const count = Math.round(perDay * days);
  let statusId = 1;
  for (let n = 0; n < count; n++) {
    const at = start + ((n + 0.5) / count) * days * 24 * HOUR;
    for (let k = 0; k < 1 + ((i + n) % 3); k++) {
      repo.commits.push({ sha: shaOf(`r${i}:${n}:${k}`), committedAt: new Date(at - (k + 1) * 2 * HOUR).toISOString() });
    }
    const failed = (i * 7 + n) % 10 === 0;
    repo.deployments.push({
      id: n + 1,
      sha: repo.commits[repo.commits.length - 1].sha,
      environment: 'production',
      createdAt: new Date(at - 600_000).toISOString(),
      statuses: [
        { id: statusId++, state: 'in_progress', createdAt: new Date(at - 300_000).toISOString() },
        { id: statusId++, state: failed ? 'failure' : 'success', createdAt: new Date(at).toISOString() },
      ],
    });
  }
  return repo;
}

async function main() {
  const names = Array.from({ length: repositories }, (_, i) => `service-${String(i).padStart(3, '0')}`);
  const github = await startFakeGitHubDeployments({
    token: TOKEN,
    repositories: Object.fromEntries(names.map((name, i) => [`bench/${name}`, repository(i)])),
  });
  const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
  const store = await DoraStore.create({ getClient: async () => knex });
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({ integrations: { github: [{ host: 'github.com', apiBaseUrl: github.url, token: TOKEN }] } }),
  );
  const client = new OctokitDeploymentsClient({
    apiBaseUrl: github.url,
    host: 'github.com',
    credentials: DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    logger: quiet,
  });
  const refresher = new DoraRefresher({
    catalog: catalogServiceMock({
      entities: names.map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name, annotations: { 'github.com/project-slug': `bench/${name}` } },
        spec: { type: 'service', lifecycle: 'production', owner: 'bench' },
      })),
    }),
    auth: mockServices.auth(),
    store,
    logger: quiet,
    client,
    environment: 'production',
    workflow: null,
    concurrency,
    historyDays: days,
  });

  const measure = async (label: string) => {
    const before = { ...client.counters };
    const served = github.requests.length;
    const started = performance.now();
    const summary = await refresher.refresh(now);
    const wallMs = performance.now() - started;
    const answered = github.requests.slice(served);
    return {
      label,
      failedRepositories: summary.failed,
      requests: client.counters.requests - before.requests,
      notModified: client.counters.notModified - before.notModified,
      // What GitHub would charge: everything but the 304s.
      countedAgainstRateLimit: answered.filter(r => r.status !== 304).length,
      wallMs: Math.round(wallMs),
    };
  };

  const full = await measure('full refresh');
  const unchanged = await measure('incremental, nothing new');
  // One new successful deployment in every tenth repository.
  github.repositories.forEach((repo, key) => {
    if (Number(key.slice(-3)) % 10 !== 0) return;
    const sha = shaOf(`${key}:new`);
    repo.commits.push({ sha, committedAt: new Date(now.getTime() - HOUR).toISOString() });
    repo.deployments.push({
      id: repo.deployments.length + 1,
      sha,
      environment: 'production',
      createdAt: new Date(now.getTime() - 1000).toISOString(),
      statuses: [{ id: 1_000_000, state: 'success', createdAt: new Date(now.getTime() - 500).toISOString() }],
    });
  });
  const tenPercent = await measure('incremental, 10% with a new deployment');
  const deployments = await knex('dora_deployments').count({ n: '*' });
  // What pages wait for: the overview (every service and team, figures from the store).
  const readModel = new DoraReadModel({ store, webBaseUrl: 'https://github.com', demo: false, timeZone: 'Europe/Berlin' });
  const overviewMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await readModel.overview(await store.listServices(), now, '90d');
    overviewMs.push(Math.round(performance.now() - started));
  }
  console.log(
    JSON.stringify({
      repositories,
      days,
      concurrency,
      deploymentsStored: Number(deployments[0].n),
      runs: [full, unchanged, tenPercent],
      overviewMs: overviewMs.sort((a, b) => a - b),
    }),
  );
  await knex.destroy();
  await github.stop();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
