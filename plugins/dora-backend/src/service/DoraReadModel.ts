import {
  computeDoraMetrics,
  countDeploymentsInLastDays,
  DORA_TREND_WEEKS,
  DORA_WINDOW_DAYS,
  DoraDeploymentsResponse,
  DoraFactsResponse,
  DoraOverviewResponse,
  DeploymentView,
  FinishedDeployment,
  medianTier,
  ServiceDoraResponse,
  ServiceDoraRow,
  TeamDoraResponse,
  TeamDoraRow,
  tierRank,
  weeklyDoraTrend,
} from '@internal/plugin-dora-common';
import { DoraStore, StoredCommit, StoredDeployment, StoredService } from '../database/DoraStore';

const DAY_MS = 24 * 3600 * 1000;
// The trend's first week starts up to 6 days before 13 weeks ago.
const HISTORY_DAYS = Math.max(DORA_WINDOW_DAYS, DORA_TREND_WEEKS * 7 + 7);

function append<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byTier = (a: ServiceDoraRow, b: ServiceDoraRow) =>
  tierRank(a.metrics.tier) - tierRank(b.metrics.tier) || b.metrics.deploysPerWeek - a.metrics.deploysPerWeek;

/** Turns stored deployments into the responses pages and scorecards read; the store only, never GitHub. */
export class DoraReadModel {
  constructor(
    private readonly deps: {
      store: DoraStore;
      /** e.g. https://github.com, for commit links. */
      webBaseUrl: string;
      /** Demo mode: every response says so, even before the first refresh. */
      demo: boolean;
      latestCount?: number;
    },
  ) {}

  async service(service: StoredService, now: Date): Promise<ServiceDoraResponse> {
    const { finished } = await this.load(now, [service.entityRef]);
    const history = finished.get(service.entityRef) ?? [];
    const latest = await this.deps.store.latestDeployments(service.entityRef, this.deps.latestCount ?? 10);
    return {
      demo: this.deps.demo || service.demo,
      entityRef: service.entityRef,
      repository: service.repository,
      environment: service.environment,
      source: service.source,
      metrics: computeDoraMetrics(history, { now, windowDays: DORA_WINDOW_DAYS }),
      weekly: weeklyDoraTrend(history, { now, weeks: DORA_TREND_WEEKS }),
      latest: latest.map(d => this.view(service, d)),
      ...ingestionStatus(service),
    };
  }

  async team(ownerRef: string, services: StoredService[], now: Date): Promise<TeamDoraResponse> {
    const { finished, lastDeploy } = await this.load(now, services.map(s => s.entityRef));
    const rows = services.map(s => this.row(s, finished.get(s.entityRef) ?? [], lastDeploy.get(s.entityRef), now)).sort(byTier);
    const pooled = services.flatMap(s => finished.get(s.entityRef) ?? []);
    const latestSuccess = services.map(s => s.lastSuccessAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
    const failing = services.filter(s => s.lastError);
    return {
      demo: this.deps.demo,
      entityRef: ownerRef,
      tier: medianTier(rows.map(r => r.metrics.tier)),
      metrics: computeDoraMetrics(pooled, { now, windowDays: DORA_WINDOW_DAYS }),
      weekly: weeklyDoraTrend(pooled, { now, weeks: DORA_TREND_WEEKS }),
      services: rows,
      lastSuccessAt: latestSuccess ? new Date(latestSuccess).toISOString() : null,
      lastError: summarizeErrors(failing, services.length),
    };
  }

  async overview(services: StoredService[], now: Date): Promise<DoraOverviewResponse> {
    const { finished, lastDeploy } = await this.load(now);
    const rows = services.map(s => this.row(s, finished.get(s.entityRef) ?? [], lastDeploy.get(s.entityRef), now)).sort(byTier);
    const byOwner = new Map<string, ServiceDoraRow[]>();
    for (const row of rows) {
      if (!row.owner) continue;
      append(byOwner, row.owner, row);
    }
    const teams: TeamDoraRow[] = [...byOwner.entries()]
      .map(([entityRef, teamRows]) => ({
        entityRef,
        tier: medianTier(teamRows.map(r => r.metrics.tier)),
        services: teamRows.length,
        metrics: computeDoraMetrics(
          teamRows.flatMap(r => finished.get(r.entityRef) ?? []),
          { now, windowDays: DORA_WINDOW_DAYS },
        ),
      }))
      .sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || b.metrics.deploysPerWeek - a.metrics.deploysPerWeek);
    return {
      demo: this.deps.demo,
      asOf: asOf(services),
      lastError: summarizeErrors(services.filter(s => s.lastError), services.length),
      windowDays: DORA_WINDOW_DAYS,
      services: rows,
      teams,
    };
  }

  async facts(services: StoredService[], now: Date): Promise<DoraFactsResponse> {
    const { finished, lastDeploy } = await this.load(now);
    return {
      demo: this.deps.demo,
      asOf: asOf(services),
      lastError: summarizeErrors(services.filter(s => s.lastError), services.length),
      items: services.map(service => {
        const history = finished.get(service.entityRef) ?? [];
        return {
          entityRef: service.entityRef,
          deploysLast7Days: countDeploymentsInLastDays(history, now, 7),
          deploysPerWeek28d: countDeploymentsInLastDays(history, now, 28) / 4,
          lastDeployAt: lastDeploy.get(service.entityRef)?.toISOString() ?? null,
          tier: computeDoraMetrics(history, { now, windowDays: DORA_WINDOW_DAYS }).tier,
        };
      }),
    };
  }

  /** Finished deployments with `since < finishedAt <= until`, oldest first. */
  async deployments(services: StoredService[], since: Date, until: Date): Promise<DoraDeploymentsResponse> {
    const owners = new Map(services.map(s => [s.entityRef, s.ownerRef]));
    const [deployments, commits] = await Promise.all([
      this.deps.store.listFinishedSince(since),
      this.deps.store.listCommitsSince(since),
    ]);
    const commitTimes = new Map<string, number[]>();
    for (const c of commits) append(commitTimes, `${c.entityRef}\u0000${c.deploymentId}`, c.committedAt.getTime());
    const items: DoraDeploymentsResponse['items'] = [];
    for (const d of deployments) {
      if (!d.finishedAt || d.finishedAt.getTime() > until.getTime() || !owners.has(d.entityRef)) continue;
      if (!['success', 'failure', 'error'].includes(d.state)) continue;
      const finishedAtMs = d.finishedAt.getTime();
      items.push({
        entityRef: d.entityRef,
        ownerRef: owners.get(d.entityRef) ?? null,
        finishedAt: d.finishedAt.toISOString(),
        outcome: d.state === 'success' ? 'success' : 'failure',
        leadTimesSeconds:
          d.state === 'success'
            ? (commitTimes.get(`${d.entityRef}\u0000${d.deploymentId}`) ?? []).map(c => Math.max(0, finishedAtMs - c) / 1000)
            : [],
      });
    }
    return {
      demo: this.deps.demo,
      asOf: asOf(services),
      lastError: summarizeErrors(services.filter(s => s.lastError), services.length),
      items,
    };
  }

  private row(service: StoredService, history: FinishedDeployment[], lastDeploy: Date | undefined, now: Date): ServiceDoraRow {
    return {
      entityRef: service.entityRef,
      owner: service.ownerRef,
      repository: service.repository,
      metrics: computeDoraMetrics(history, { now, windowDays: DORA_WINDOW_DAYS }),
      lastDeployAt: lastDeploy?.toISOString() ?? null,
      ...ingestionStatus(service),
    };
  }

  private view(service: StoredService, d: StoredDeployment): DeploymentView {
    return {
      id: d.deploymentId,
      sha: d.sha,
      ref: d.ref,
      environment: d.environment,
      state: d.state,
      createdAt: d.createdAt.toISOString(),
      finishedAt: d.finishedAt?.toISOString() ?? null,
      url: d.url,
      commitUrl: `${this.deps.webBaseUrl.replace(/\/$/, '')}/${service.repository}/commit/${d.sha}`,
      creator: d.creator,
    };
  }

  /** Finished deployments in the metrics and trend window with their commits, per component. */
  private async load(now: Date, entityRefs?: string[]) {
    const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
    const [deployments, commits] = await Promise.all([
      this.deps.store.listFinishedSince(since, entityRefs),
      this.deps.store.listCommitsSince(since, entityRefs),
    ]);
    return group(deployments, commits);
  }
}

function group(deployments: StoredDeployment[], commits: StoredCommit[]) {
  const commitTimes = new Map<string, number[]>();
  for (const c of commits) {
    const key = `${c.entityRef}\u0000${c.deploymentId}`;
    append(commitTimes, key, c.committedAt.getTime());
  }
  const finished = new Map<string, FinishedDeployment[]>();
  const lastDeploy = new Map<string, Date>();
  for (const d of deployments) {
    if (!d.finishedAt || !['success', 'failure', 'error'].includes(d.state)) continue;
    const outcome = d.state === 'success' ? 'success' : 'failure';
    append(finished, d.entityRef, {
      finishedAtMs: d.finishedAt.getTime(),
      outcome,
      commitTimesMs: commitTimes.get(`${d.entityRef}\u0000${d.deploymentId}`) ?? [],
    });
    if (outcome === 'success' && (lastDeploy.get(d.entityRef)?.getTime() ?? 0) < d.finishedAt.getTime()) {
      lastDeploy.set(d.entityRef, d.finishedAt);
    }
  }
  return { finished, lastDeploy };
}

function ingestionStatus(service: StoredService) {
  return {
    lastSuccessAt: service.lastSuccessAt?.toISOString() ?? null,
    lastError: service.lastError,
    lastErrorAt: service.lastErrorAt?.toISOString() ?? null,
  };
}

function asOf(services: StoredService[]): string | null {
  const times = services.map(s => s.lastSuccessAt?.getTime()).filter((t): t is number => t !== undefined);
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
}

function summarizeErrors(failing: StoredService[], total: number): string | null {
  if (failing.length === 0) return null;
  return `${failing.length} of ${total} repositories failed their last ingestion; ${failing[0].repository}: ${failing[0].lastError}`;
}
