import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DoraStore } from '../database/DoraStore';
import { demoHistory } from '../demo/demoHistory';
import { GitHubDeploymentsClient } from '../github/GitHubDeploymentsClient';
import { catalogServices } from './catalogServices';
import { ingestService } from './ingestService';
import { runWithConcurrency } from './runWithConcurrency';

const DAY_MS = 24 * 3600 * 1000;
/**
 * Demo mode: components first seen this long after the first one are new (created from a
 * template, say), not part of the demo organisation the portal started with, so they get
 * no invented past. Covers the catalog still loading at start-up.
 */
export const DEMO_CATALOG_LOAD_MS = 15 * 60 * 1000;

export interface DoraRefreshSummary {
  services: number;
  failed: number;
}

/**
 * One refresh: components with a `github.com/project-slug` from the catalog, then each
 * one's deployments ingested (from GitHub, or generated in demo mode) with at most
 * `concurrency` repositories at a time. A repository that fails keeps its stored history
 * and gets `lastError`; the others carry on.
 */
export class DoraRefresher {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: DoraStore;
      logger: LoggerService;
      /** Absent in demo mode. */
      client?: GitHubDeploymentsClient;
      environment: string;
      workflow: string | null;
      /** Which deploy-workflow runs are production deployments; see IngestOptions.runFilter. */
      runFilter?: { branch: string | null; event: string | null };
      concurrency: number;
      historyDays: number;
    },
  ) {}

  async refresh(now = new Date()): Promise<DoraRefreshSummary> {
    const { store, logger, client } = this.deps;
    const { services, problems } = await catalogServices(this.deps, {
      environment: this.deps.environment,
      workflow: this.deps.workflow,
    });
    for (const problem of problems) logger.warn(problem);
    for (const service of services) await store.upsertService({ ...service, demo: !client }, now);
    await store.retainServices(services.map(s => s.entityRef));
    await store.pruneBefore(new Date(now.getTime() - (this.deps.historyDays + 7) * DAY_MS));

    let failed = 0;
    const stored = await store.listServices();
    const demoStartedAt = Math.min(...stored.map(s => s.firstSeenAt?.getTime() ?? now.getTime()));
    await runWithConcurrency(stored, this.deps.concurrency, async service => {
      try {
        if (client) {
          await ingestService(service, client, store, {
            now,
            historyDays: this.deps.historyDays,
            runFilter: this.deps.runFilter ?? { branch: null, event: null },
          });
        } else {
          const known = await store.deploymentIds(service.entityRef);
          const firstSeen = service.firstSeenAt?.getTime() ?? now.getTime();
          const history = demoHistory(service, {
            now,
            days: this.deps.historyDays,
            // Nothing invented before a component created after the demo started existed.
            startMs: firstSeen - demoStartedAt > DEMO_CATALOG_LOAD_MS ? firstSeen : undefined,
          });
          await store.upsertDeployments(history.deployments.filter(d => !known.has(d.deploymentId)));
          await store.insertCommits(history.commits.filter(c => !known.has(c.deploymentId)));
          await store.updateService(service.entityRef, { source: 'deployments', historyComplete: true, listingComplete: true });
        }
        await store.recordSuccess(service.entityRef, now);
      } catch (error) {
        failed++;
        const message = describeError(error);
        logger.warn(`DORA ingestion of ${service.repository} for ${service.entityRef} failed: ${message}`);
        await store.recordError(service.entityRef, message, now);
      }
    });
    logger.info(`DORA refresh: ${stored.length - failed}/${stored.length} repositories ingested`);
    return { services: stored.length, failed };
  }
}

/** Octokit's RequestError says `HttpError: Not Found`; name the status and the request too. */
function describeError(error: unknown): string {
  const e = error as { status?: number; message?: string; request?: { method?: string; url?: string } };
  if (e.status && e.request?.url) {
    return `GitHub answered ${e.status} (${e.message}) to ${e.request.method ?? 'GET'} ${new URL(e.request.url).pathname}`;
  }
  return e.message ?? String(error);
}
