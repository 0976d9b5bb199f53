import { GitHubCommitTime, GitHubDeploymentsClient, RepositoryRef } from '../github/GitHubDeploymentsClient';
import { DoraStore, StoredDeployment, StoredService } from '../database/DoraStore';
import { deploymentOutcome, workflowRunOutcome } from './deploymentOutcome';

const DAY_MS = 24 * 3600 * 1000;

export interface IngestOptions {
  now: Date;
  /** How far back history is read on the first ingestion. */
  historyDays: number;
}

/**
 * One component's incremental ingestion:
 * 1. the first page of deployments in its environment with the stored ETag: a 304 means
 *    no new deployment; otherwise pages are read (following `Link`) until a known or
 *    too-old deployment;
 * 2. statuses of new deployments, and (with their ETags) of those not finished yet;
 * 3. with no deployments at all and a deploy workflow named, the workflow's runs instead;
 * 4. for each new successful deployment, the commits it shipped: compare with the
 *    previous successful deployment's SHA (the first one: its own commit).
 */
export async function ingestService(
  service: StoredService,
  client: GitHubDeploymentsClient,
  store: DoraStore,
  options: IngestOptions,
): Promise<void> {
  const [owner, repo] = service.repository.split('/');
  const repository = { owner, repo };
  const since = new Date(options.now.getTime() - options.historyDays * DAY_MS);

  const first = await client.listDeployments(repository, {
    environment: service.environment,
    page: 1,
    etag: service.deploymentsEtag ?? undefined,
  });
  let source = service.source;
  if (!first.notModified) {
    const known = await store.deploymentIds(service.entityRef);
    const fresh: StoredDeployment[] = [];
    let page = first;
    for (let pageNumber = 1; ; ) {
      const unseen = page.items.filter(d => !known.has(`deployment:${d.id}`));
      for (const d of unseen) {
        if (new Date(d.created_at) < since) continue;
        fresh.push({
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
        });
      }
      const reachedKnown = unseen.length < page.items.length;
      const reachedOld = page.items.some(d => new Date(d.created_at) < since);
      if (!page.hasNextPage || reachedKnown || reachedOld) break;
      const next = await client.listDeployments(repository, { environment: service.environment, page: ++pageNumber });
      if (next.notModified) break;
      page = next;
    }
    await store.upsertDeployments(fresh);
    if (first.items.length > 0 || known.size > 0) source = 'deployments';
    else source = service.workflow ? 'workflow-runs' : null;
    await store.updateService(service.entityRef, { deploymentsEtag: first.etag, source });
  }

  if (source === 'deployments') {
    await refreshStatuses(service, repository, client, store, since);
  } else if (source === 'workflow-runs' && service.workflow) {
    await ingestWorkflowRuns(service, repository, client, store, since);
  }
  await resolveLeadTimeCommits(service, repository, client, store);
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
) {
  const workflow = service.workflow!;
  const first = await client.listWorkflowRuns(repository, workflow, { page: 1, etag: service.runsEtag ?? undefined });
  if (first.notModified) return;
  const stored = new Map((await store.listDeployments(service.entityRef)).map(d => [d.deploymentId, d]));
  let page = first;
  for (let pageNumber = 1; ; ) {
    const changed: StoredDeployment[] = [];
    let allSettled = true;
    for (const run of page.items) {
      if (new Date(run.created_at) < since) continue;
      const id = `run:${run.id}`;
      const outcome = workflowRunOutcome(run);
      const before = stored.get(id);
      if (before?.final) continue;
      allSettled = false;
      changed.push({
        entityRef: service.entityRef,
        deploymentId: id,
        sha: run.head_sha,
        ref: run.head_branch,
        environment: service.environment,
        ...outcome,
        createdAt: new Date(run.created_at),
        creator: run.actor?.login ?? null,
        statusesEtag: null,
        commitsResolved: false,
      });
    }
    await store.upsertDeployments(changed);
    const reachedOld = page.items.some(r => new Date(r.created_at) < since);
    if (!page.hasNextPage || reachedOld || allSettled) break;
    const next = await client.listWorkflowRuns(repository, workflow, { page: ++pageNumber });
    if (next.notModified) break;
    page = next;
  }
  await store.updateService(service.entityRef, { runsEtag: first.etag });
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
