import {
  computeDoraMetrics,
  countDeploymentsInLastDays,
  DORA_TREND_WEEKS,
  DORA_WINDOWS,
  DoraDeploymentsResponse,
  DoraFactsResponse,
  DoraMetrics,
  DoraOverviewResponse,
  DoraWindow,
  DeploymentView,
  FinishedDeployment,
  IngestionStatus,
  ServiceDoraResponse,
  ServiceDoraRow,
  TeamDoraResponse,
  TeamDoraRow,
  tierRank,
  weeklyDoraTrend,
  weeksEndingAt,
} from '@internal/plugin-dora-common';
import { DoraStore, StoredCommit, StoredDeployment, StoredService } from '../database/DoraStore';

const DAY_MS = 24 * 3600 * 1000;
// The longest window, and the trend's first week, which starts up to 6 days before 13 weeks ago.
const HISTORY_DAYS = Math.max(...Object.values(DORA_WINDOWS), DORA_TREND_WEEKS * 7 + 7);

function append<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Best tier first, then most deploys; services without figures (still reading) last. */
const byTier = (a: { metrics: DoraMetrics | null }, b: { metrics: DoraMetrics | null }) =>
  (a.metrics ? 0 : 1) - (b.metrics ? 0 : 1) ||
  tierRank(a.metrics?.tier ?? null) - tierRank(b.metrics?.tier ?? null) ||
  (b.metrics?.deploysPerWeek ?? 0) - (a.metrics?.deploysPerWeek ?? 0);

/** Turns stored deployments into the responses pages and scorecards read; the store only, never GitHub. */
export class DoraReadModel {
  constructor(
    private readonly deps: {
      store: DoraStore;
      /** e.g. https://github.com, for commit links. */
      webBaseUrl: string;
      /** Demo mode: every response says so, even before the first refresh. */
      demo: boolean;
      /** Weeks start on Monday 00:00 here (the weekly review's `platformReview.timeZone`). */
      timeZone: string;
      latestCount?: number;
    },
  ) {}

  async service(service: StoredService, now: Date, window: DoraWindow): Promise<ServiceDoraResponse> {
    const { finished, pending } = await this.load(now, [service.entityRef]);
    const history = finished.get(service.entityRef) ?? [];
    const latest = await this.deps.store.latestDeployments(service.entityRef, this.deps.latestCount ?? 10);
    return {
      demo: this.deps.demo || service.demo,
      window,
      timeZone: this.deps.timeZone,
      entityRef: service.entityRef,
      repository: service.repository,
      environment: service.environment,
      source: service.source,
      metrics: service.historyComplete ? computeDoraMetrics([history], { now, windowDays: DORA_WINDOWS[window] }) : null,
      weekly: service.historyComplete ? this.weekly([history], now) : null,
      latest: latest.map(d => this.view(service, d)),
      ...ingestionStatus(service, pending.get(service.entityRef) ?? 0),
    };
  }

  async team(ownerRef: string, services: StoredService[], now: Date, window: DoraWindow): Promise<TeamDoraResponse> {
    const { finished, lastDeploy, pending } = await this.load(now, services.map(s => s.entityRef));
    const rows = services.map(s => this.row(s, finished, lastDeploy, pending, now, window)).sort(byTier);
    const read = services.filter(s => s.historyComplete);
    const histories = read.map(s => finished.get(s.entityRef) ?? []);
    const metrics = read.length ? computeDoraMetrics(histories, { now, windowDays: DORA_WINDOWS[window] }) : null;
    return {
      demo: this.deps.demo,
      window,
      timeZone: this.deps.timeZone,
      entityRef: ownerRef,
      tier: metrics?.tier ?? null,
      metrics,
      weekly: read.length ? this.weekly(histories, now) : null,
      services: rows,
      servicesReading: services.length - read.length,
      lastSuccessAt: oldestCompleteRead(services),
      lastError: summarizeErrors(services),
    };
  }

  async overview(services: StoredService[], now: Date, window: DoraWindow): Promise<DoraOverviewResponse> {
    const { finished, lastDeploy, pending } = await this.load(now);
    const rows = services.map(s => this.row(s, finished, lastDeploy, pending, now, window)).sort(byTier);
    const byOwner = new Map<string, StoredService[]>();
    for (const service of services) {
      if (service.ownerRef) append(byOwner, service.ownerRef, service);
    }
    const teams: TeamDoraRow[] = [...byOwner.entries()]
      .map(([entityRef, teamServices]) => {
        const read = teamServices.filter(s => s.historyComplete);
        const metrics = read.length
          ? computeDoraMetrics(
              read.map(s => finished.get(s.entityRef) ?? []),
              { now, windowDays: DORA_WINDOWS[window] },
            )
          : null;
        return { entityRef, tier: metrics?.tier ?? null, services: teamServices.length, servicesReading: teamServices.length - read.length, metrics };
      })
      .sort(byTier);
    return {
      demo: this.deps.demo,
      window,
      timeZone: this.deps.timeZone,
      asOf: oldestCompleteRead(services),
      lastError: summarizeErrors(services),
      windowDays: DORA_WINDOWS[window],
      servicesStale: services.filter(s => s.lastError).length,
      servicesReading: services.filter(s => !s.historyComplete).length,
      services: rows,
      teams,
    };
  }

  /** Services still reading their history are left out: their checks are unknown, not failed. */
  async facts(services: StoredService[], now: Date): Promise<DoraFactsResponse> {
    const { finished, lastDeploy } = await this.load(now);
    return {
      demo: this.deps.demo,
      asOf: oldestCompleteRead(services),
      lastError: summarizeErrors(services),
      items: services
        .filter(s => s.historyComplete)
        .map(service => {
          const history = finished.get(service.entityRef) ?? [];
          return {
            entityRef: service.entityRef,
            deploysLast7Days: countDeploymentsInLastDays(history, now, 7),
            deploysPerWeek28d: countDeploymentsInLastDays(history, now, 28) / 4,
            lastDeployAt: lastDeploy.get(service.entityRef)?.toISOString() ?? null,
            tier: computeDoraMetrics([history], { now, windowDays: DORA_WINDOWS['90d'] }).tier,
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
      asOf: oldestCompleteRead(services),
      lastError: summarizeErrors(services),
      servicesReading: services.filter(s => !s.historyComplete).map(s => s.entityRef),
      items,
    };
  }

  private weekly(histories: FinishedDeployment[][], now: Date) {
    return weeklyDoraTrend(histories, { now, weeks: weeksEndingAt(now, DORA_TREND_WEEKS, this.deps.timeZone) });
  }

  private row(
    service: StoredService,
    finished: Map<string, FinishedDeployment[]>,
    lastDeploy: Map<string, Date>,
    pending: Map<string, number>,
    now: Date,
    window: DoraWindow,
  ): ServiceDoraRow {
    return {
      entityRef: service.entityRef,
      owner: service.ownerRef,
      repository: service.repository,
      metrics: service.historyComplete
        ? computeDoraMetrics([finished.get(service.entityRef) ?? []], { now, windowDays: DORA_WINDOWS[window] })
        : null,
      lastDeployAt: lastDeploy.get(service.entityRef)?.toISOString() ?? null,
      ...ingestionStatus(service, pending.get(service.entityRef) ?? 0),
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
    const [deployments, commits, pending] = await Promise.all([
      this.deps.store.listFinishedSince(since, entityRefs),
      this.deps.store.listCommitsSince(since, entityRefs),
      this.deps.store.countPending(since, entityRefs),
    ]);
    return { ...group(deployments, commits), pending };
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

function ingestionStatus(service: StoredService, pending: number): IngestionStatus {
  return {
    lastSuccessAt: service.lastSuccessAt?.toISOString() ?? null,
    lastError: service.lastError,
    lastErrorAt: service.lastErrorAt?.toISOString() ?? null,
    history: {
      complete: service.historyComplete,
      pagesRead: service.pagesRead,
      pagesTotal: service.pagesTotal,
      deploymentsPending: pending,
    },
    stale: service.lastError !== null,
  };
}

/**
 * The oldest last complete read among services with a read history: every figure shown is
 * at least this fresh. Services still reading theirs have no figures and are counted apart.
 */
function oldestCompleteRead(services: StoredService[]): string | null {
  const times = services.filter(s => s.historyComplete && s.lastSuccessAt).map(s => s.lastSuccessAt!.getTime());
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}

function summarizeErrors(services: StoredService[]): string | null {
  const failing = services.filter(s => s.lastError);
  if (failing.length === 0) return null;
  return `${failing.length} of ${services.length} repositories failed their last ingestion; ${failing[0].repository}: ${failing[0].lastError}`;
}
