import { ConditionalPage, GitHubCommitTime, GitHubDeploymentsClient, RepositoryRef } from '../github/GitHubDeploymentsClient';
import { DoraStore, StoredDeployment, StoredService } from '../database/DoraStore';
import { deploymentOutcome, workflowRunOutcome } from './deploymentOutcome';

const DAY_MS = 24 * 3600 * 1000;

export interface IngestOptions {
  now: Date;
  /** How far back history is read on the first ingestion. */
  historyDays: number;
  /**
   * Which workflow runs are production deployments: runs on this branch (null: the
   * repository's default branch) triggered by this event (null: any event).
   */
  runFilter: { branch: string | null; event: string | null };
}

/**
 * One component's incremental ingestion:
 * 1. the deployments in its environment, newest first: once the history is complete, the
 *    first page with the stored ETag (a 304 means nothing new) and further pages until a
 *    known or too-old deployment; during the first read, every page back to the history
 *    window, resuming where a refresh cut short (rate limit, timeout) stopped;
 * 2. statuses of new deployments, and (with their ETags) of those not finished yet;
 * 3. with no deployments at all and a deploy workflow named, the workflow's production
 *    runs instead (its branch and event, see {@link IngestOptions.runFilter});
 * 4. for each new successful deployment, the commits it shipped: compare with the
 *    previous successful deployment's SHA (the first one: its own commit);
 * 5. the history is complete once the listing reached the window's start and every
 *    deployment's outcome and commits are read; until then the service has no figures.
 * Everything read is stored as it arrives, so an interrupted read loses nothing.
 */
export async function ingestService(
  stored: StoredService,
  client: GitHubDeploymentsClient,
  store: DoraStore,
  options: IngestOptions,
): Promise<void> {
  let service = stored;
  const [owner, repo] = service.repository.split('/');
  const repository = { owner, repo };
  const since = new Date(options.now.getTime() - options.historyDays * DAY_MS);
  let source = service.source;
  if (source === 'workflow-runs') {
    // Free while nothing changed (304): a repository that starts creating deployments switches to them.
    const probe = await client.listDeployments(repository, { environment: service.environment, page: 1, etag: service.deploymentsEtag ?? undefined });
    if (!probe.notModified) {
      await store.updateService(service.entityRef, { deploymentsEtag: probe.etag });
      if (probe.items.length > 0) {
        await store.updateService(service.entityRef, { source: 'deployments', listingComplete: false, historyComplete: false, pagesRead: 0, pagesTotal: null });
        return;
      }
    }
  } else {
    let known = new Set<string>();
    const listed = await readListing(service, store, {
      etag: service.deploymentsEtag,
      // Only when something changed: an unchanged listing (304) costs no database read.
      loadKnown: async () => {
        known = await store.deploymentIds(service.entityRef);
      },
      fetch: (page, etag) => client.listDeployments(repository, { environment: service.environment, page, etag }),
      isKnown: d => known.has(`deployment:${d.id}`),
      isOld: d => new Date(d.created_at) < since,
      save: async items => {
        await store.upsertDeployments(
          items
            .filter(d => !known.has(`deployment:${d.id}`))
            .map(d => ({
              entityRef: service.entityRef,
              deploymentId: `deployment:${d.id}`,
              sha: d.sha,
              ref: d.ref,
              environment: d.environment,
              state: 'pending',
              final: false,
              createdAt: new Date(d.created_at),
              finishedAt: null,
              url: null,
              creator: d.creator?.login ?? null,
              statusesEtag: null,
              commitsResolved: false,
            })),
        );
        for (const d of items) known.add(`deployment:${d.id}`);
      },
    });
    if (listed.firstPage) {
      if (known.size > 0) source = 'deployments';
      else source = service.workflow ? 'workflow-runs' : null;
      await store.updateService(service.entityRef, { deploymentsEtag: listed.firstPage.etag, source });
      if (source === 'workflow-runs') {
        // No deployments: the deploy workflow's run listing starts its own first read.
        await store.updateService(service.entityRef, { listingComplete: false, pagesRead: 0, pagesTotal: null });
        service = { ...service, source, listingComplete: false, pagesRead: 0, pagesTotal: null };
      }
    }
  }
  if (source === 'deployments') {
    await refreshStatuses(service, repository, client, store, since);
  } else if (source === 'workflow-runs' && service.workflow) {
    await ingestWorkflowRuns(service, repository, client, store, since, options);
  }
  await resolveLeadTimeCommits(service, repository, client, store);
  if (!service.historyComplete) {
    const current = await store.getService(service.entityRef);
    const pending = (await store.countPending(since, [service.entityRef])).get(service.entityRef) ?? 0;
    // A repository without deployments or a deploy workflow has read all there is.
    const listingDone = current?.listingComplete || current?.source === null;
    if (listingDone && pending === 0) await store.updateService(service.entityRef, { historyComplete: true });
  }
}

/**
 * Reads a newest-first listing. Once the history is complete: the first page with the
 * stored ETag, then pages until one holds a known or too-old item. During the first read:
 * page 1 (new items at the front), then from the page after the last one read, to the
 * window's start, recording the pages read after each one. New items pushed in front only
 * shift older ones to later pages, so resuming never skips one (unless page 1 itself was
 * all new, in which case the read goes on from page 2).
 */
async function readListing<T>(
  service: StoredService,
  store: DoraStore,
  listing: {
    etag: string | null;
    fetch: (page: number, etag?: string) => Promise<ConditionalPage<T>>;
    /** Reads what is stored, once the first page shows there is something new. */
    loadKnown: () => Promise<void>;
    isKnown: (item: T) => boolean;
    isOld: (item: T) => boolean;
    save: (items: T[]) => Promise<void>;
  },
): Promise<{ firstPage: { etag: string | null } | null }> {
  const resuming = !service.listingComplete;
  const first = await listing.fetch(1, resuming ? undefined : listing.etag ?? undefined);
  if (first.notModified) return { firstPage: null };
  await listing.loadKnown();
  // Whether a page reached items already stored, taken before its items are saved.
  let reachedKnown = first.items.some(listing.isKnown);
  await listing.save(first.items.filter(item => !listing.isOld(item)));
  let page = first;
  let pageNumber = 1;
  const reachedEnd = (p: typeof first) => !p.hasNextPage || p.items.some(listing.isOld);
  if (resuming) {
    await store.updateService(service.entityRef, { pagesRead: Math.max(service.pagesRead, 1), pagesTotal: first.lastPage ?? 1 });
    if (reachedKnown) pageNumber = Math.max(1, service.pagesRead);
  }
  while (!reachedEnd(page) && (resuming || !reachedKnown)) {
    const next = await listing.fetch(++pageNumber);
    if (next.notModified) break;
    page = next;
    reachedKnown = page.items.some(listing.isKnown);
    await listing.save(page.items.filter(item => !listing.isOld(item)));
    if (resuming) await store.updateService(service.entityRef, { pagesRead: pageNumber, pagesTotal: page.lastPage ?? pageNumber });
  }
  if (resuming) await store.updateService(service.entityRef, { listingComplete: true, pagesRead: pageNumber, pagesTotal: pageNumber });
  return { firstPage: { etag: first.etag } };
}

async function refreshStatuses(
  service: StoredService,
  repository: RepositoryRef,
  client: GitHubDeploymentsClient,
  store: DoraStore,
  since: Date,
) {
  const open = await store.listDeployments(service.entityRef, { final: false, createdSince: since });
  for (const deployment of open) {
    const id = Number(deployment.deploymentId.replace('deployment:', ''));
    const statuses = await client.listDeploymentStatuses(repository, id, { etag: deployment.statusesEtag ?? undefined });
    if (statuses.notModified) continue;
    // Saved one by one, so a first backfill cut short by the rate limit resumes where it stopped.
    await store.upsertDeployments([{ ...deployment, ...deploymentOutcome(statuses.items), statusesEtag: statuses.etag }]);
  }
}

async function ingestWorkflowRuns(
  service: StoredService,
  repository: RepositoryRef,
  client: GitHubDeploymentsClient,
  store: DoraStore,
  since: Date,
  options: IngestOptions,
) {
  const workflow = service.workflow!;
  let branch = options.runFilter.branch ?? service.defaultBranch;
  if (!branch) {
    branch = await client.getDefaultBranch(repository);
    await store.updateService(service.entityRef, { defaultBranch: branch });
  }
  await store.deleteRunsOffBranch(service.entityRef, branch);
  const event = options.runFilter.event ?? undefined;
  let stored = new Map<string, StoredDeployment>();
  const listed = await readListing(service, store, {
    etag: service.runsEtag,
    loadKnown: async () => {
      stored = new Map((await store.listDeployments(service.entityRef)).map(d => [d.deploymentId, d]));
    },
    fetch: (page, etag) => client.listWorkflowRuns(repository, workflow, { page, etag, branch: branch!, event }),
    // A run still going is read again until it finishes.
    isKnown: run => !!stored.get(`run:${run.id}`)?.final,
    isOld: run => new Date(run.created_at) < since,
    save: async runs => {
      const changed: StoredDeployment[] = [];
      // GitHub filters by branch and event; checked again so no other run ever counts.
      for (const run of runs.filter(r => r.head_branch === branch && (!event || r.event === event))) {
        const id = `run:${run.id}`;
        if (stored.get(id)?.final) continue;
        const deployment: StoredDeployment = {
          entityRef: service.entityRef,
          deploymentId: id,
          sha: run.head_sha,
          ref: run.head_branch,
          environment: service.environment,
          ...workflowRunOutcome(run),
          createdAt: new Date(run.created_at),
          creator: run.actor?.login ?? null,
          statusesEtag: null,
          commitsResolved: false,
        };
        changed.push(deployment);
        stored.set(id, deployment);
      }
      await store.upsertDeployments(changed);
    },
  });
  if (listed.firstPage) await store.updateService(service.entityRef, { runsEtag: listed.firstPage.etag });
}

async function resolveLeadTimeCommits(
  service: StoredService,
  repository: RepositoryRef,
  client: GitHubDeploymentsClient,
  store: DoraStore,
) {
  const successes = (await store.listDeployments(service.entityRef))
    .filter(d => d.state === 'success' && d.finishedAt)
    .sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime());
  for (let i = 0; i < successes.length; i++) {
    const deployment = successes[i];
    if (deployment.commitsResolved) continue;
    const previous = successes[i - 1];
    let commits: GitHubCommitTime[];
    if (previous && previous.sha === deployment.sha) {
      commits = []; // a redeploy ships nothing new
    } else if (previous) {
      commits = await compareOrHead(client, repository, previous.sha, deployment.sha);
    } else {
      commits = [await client.getCommit(repository, deployment.sha)];
    }
    await store.saveCommits(
      service.entityRef,
      deployment.deploymentId,
      commits.map(c => ({ sha: c.sha, committedAt: new Date(c.committedAt) })),
    );
  }
}

/** The base can be gone (force-pushed away): then only the deployed commit itself counts. */
async function compareOrHead(client: GitHubDeploymentsClient, repository: RepositoryRef, base: string, head: string) {
  try {
    return await client.compareCommits(repository, base, head);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 404 && status !== 422) throw error;
    return [await client.getCommit(repository, head)];
  }
}
