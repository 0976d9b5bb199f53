import { DoraMetrics, WeeklyDoraPoint } from './doraMetrics';
import { DoraTier } from './doraTiers';

/** Where a service's deployments come from. */
export type DeploymentSource = 'deployments' | 'workflow-runs';

/** A GitHub deployment status state, or a workflow run mapped onto one. */
export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

/** The metrics windows every page and endpoint offers (`?window=30d|90d`). */
export type DoraWindow = '30d' | '90d';
export const DORA_WINDOWS: Readonly<Record<DoraWindow, number>> = { '30d': 30, '90d': 90 };
/** Three months, as DORA and Four Keys measure by default. */
export const DEFAULT_DORA_WINDOW: DoraWindow = '90d';

/** `30d` or `90d`; undefined for anything else. */
export function parseDoraWindow(text: unknown): DoraWindow | undefined {
  return typeof text === 'string' && Object.prototype.hasOwnProperty.call(DORA_WINDOWS, text) ? (text as DoraWindow) : undefined;
}

/** One production deployment as pages list it. */
export interface DeploymentView {
  id: string;
  sha: string;
  ref: string | null;
  environment: string;
  state: DeploymentState;
  createdAt: string;
  /** When it succeeded or failed; null while running. */
  finishedAt: string | null;
  /** Logs or run page on GitHub. */
  url: string | null;
  /** The commit on GitHub. */
  commitUrl: string;
  creator: string | null;
}

/**
 * How much of a service's history has been read. Until the first full read finishes (a
 * refresh cut short by a rate limit or a timeout carries on at the next one) the service
 * has no figures and no tier: pages say "reading history (N of M pages)".
 */
export interface HistoryReadState {
  complete: boolean;
  /** Pages of the deployment (or workflow-run) listing read so far in the first read. */
  pagesRead: number;
  /** Pages GitHub reported (the `Link` header's `last`); null until the first page was read. */
  pagesTotal: number | null;
  /** Deployments listed whose outcome (statuses) has not been read yet. */
  deploymentsPending: number;
}

/** How fresh a service's data is: pages show the stale-data notice from this. */
export interface IngestionStatus {
  /** The last refresh that read everything new; the figures are as of then. */
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  history: HistoryReadState;
  /** The latest refresh failed, so the figures are from `lastSuccessAt`. */
  stale: boolean;
}

interface WindowedResponse {
  demo: boolean;
  window: DoraWindow;
  /** Weeks of the trend start on Monday 00:00 in this zone (`platformReview.timeZone`). */
  timeZone: string;
}

/** `GET /api/dora/services/:namespace/:name?window=` */
export interface ServiceDoraResponse extends IngestionStatus, WindowedResponse {
  entityRef: string;
  repository: string;
  environment: string;
  source: DeploymentSource | null;
  /** Null while its history is still being read: a partial read is not a figure. */
  metrics: DoraMetrics | null;
  weekly: WeeklyDoraPoint[] | null;
  latest: DeploymentView[];
}

/** A service in a team view or the overview ranking. */
export interface ServiceDoraRow extends IngestionStatus {
  entityRef: string;
  owner: string | null;
  repository: string;
  /** Null while its history is still being read. */
  metrics: DoraMetrics | null;
  lastDeployAt: string | null;
}

/** `GET /api/dora/teams/:namespace/:name?window=` */
export interface TeamDoraResponse extends WindowedResponse {
  entityRef: string;
  /** From the team's own figures, with the same rule as a service's tier. */
  tier: DoraTier | null;
  /**
   * The team's own figures over its services whose history is read: every deployment,
   * lead time and recovery sample of those services (each recovery within its own
   * service). Null when no service's history is read yet.
   */
  metrics: DoraMetrics | null;
  weekly: WeeklyDoraPoint[] | null;
  services: ServiceDoraRow[];
  /** Services still reading their history, left out of the team's figures. */
  servicesReading: number;
  /** The oldest of its services' last complete reads: every figure is at least this fresh. */
  lastSuccessAt: string | null;
  lastError: string | null;
}

export interface TeamDoraRow {
  entityRef: string;
  tier: DoraTier | null;
  services: number;
  servicesReading: number;
  metrics: DoraMetrics | null;
}

/** `GET /api/dora/overview?window=`: services and teams, best tier first. */
export interface DoraOverviewResponse extends WindowedResponse {
  /** The oldest service's last complete read (services still reading their history aside). */
  asOf: string | null;
  lastError: string | null;
  windowDays: number;
  /** Services whose latest refresh failed; their rows are marked stale. */
  servicesStale: number;
  servicesReading: number;
  services: ServiceDoraRow[];
  teams: TeamDoraRow[];
}

/** `GET /api/dora/facts`: what scorecards read (the shared facts contract). */
export interface DoraFactsResponse {
  demo: boolean;
  asOf: string | null;
  lastError: string | null;
  /** Services still reading their history are left out (unknown, not zero). */
  items: Array<{
    entityRef: string;
    deploysLast7Days: number;
    deploysPerWeek28d: number;
    lastDeployAt: string | null;
    tier: DoraTier | null;
  }>;
}

/** Weeks in the weekly trend. */
export const DORA_TREND_WEEKS = 13;

/**
 * `GET /api/dora/deployments?since=&until=`: finished production deployments in a time range
 * (at most 120 days), for reports that bucket them their own way (the weekly platform review).
 */
export interface DoraDeploymentsResponse {
  demo: boolean;
  asOf: string | null;
  lastError: string | null;
  /** Services whose history is still being read: their deployments are missing or partial. */
  servicesReading: string[];
  items: Array<{
    entityRef: string;
    ownerRef: string | null;
    finishedAt: string;
    outcome: 'success' | 'failure';
    /** Per commit the deployment first shipped: finish time minus commit time, in seconds. */
    leadTimesSeconds: number[];
  }>;
}
