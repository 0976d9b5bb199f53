import { DoraMetrics, WeeklyDoraPoint } from './doraMetrics';
import { DoraTier } from './doraTiers';

/** Where a service's deployments come from. */
export type DeploymentSource = 'deployments' | 'workflow-runs';

/** A GitHub deployment status state, or a workflow run mapped onto one. */
export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

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

/** How fresh a service's data is: pages show the stale-data notice from this. */
export interface IngestionStatus {
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** `GET /api/dora/services/:namespace/:name` */
export interface ServiceDoraResponse extends IngestionStatus {
  demo: boolean;
  entityRef: string;
  repository: string;
  environment: string;
  source: DeploymentSource | null;
  metrics: DoraMetrics;
  weekly: WeeklyDoraPoint[];
  latest: DeploymentView[];
}

/** A service in a team view or the overview ranking. */
export interface ServiceDoraRow extends IngestionStatus {
  entityRef: string;
  owner: string | null;
  repository: string;
  metrics: DoraMetrics;
  lastDeployAt: string | null;
}

/** `GET /api/dora/teams/:namespace/:name` */
export interface TeamDoraResponse {
  demo: boolean;
  entityRef: string;
  /** The median of its services' tiers. */
  tier: DoraTier | null;
  /** Pooled over all its services' deployments (deploys per week is the team's total). */
  metrics: DoraMetrics;
  weekly: WeeklyDoraPoint[];
  services: ServiceDoraRow[];
  lastSuccessAt: string | null;
  lastError: string | null;
}

export interface TeamDoraRow {
  entityRef: string;
  tier: DoraTier | null;
  services: number;
  metrics: DoraMetrics;
}

/** `GET /api/dora/overview`: services and teams, best tier first. */
export interface DoraOverviewResponse {
  demo: boolean;
  asOf: string | null;
  lastError: string | null;
  windowDays: number;
  services: ServiceDoraRow[];
  teams: TeamDoraRow[];
}

/** `GET /api/dora/facts`: what scorecards read (the shared facts contract). */
export interface DoraFactsResponse {
  demo: boolean;
  asOf: string | null;
  lastError: string | null;
  items: Array<{
    entityRef: string;
    deploysLast7Days: number;
    deploysPerWeek28d: number;
    lastDeployAt: string | null;
    tier: DoraTier | null;
  }>;
}

/** The metrics window every endpoint uses: three months, as DORA and Four Keys do. */
export const DORA_WINDOW_DAYS = 90;
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
  items: Array<{
    entityRef: string;
    ownerRef: string | null;
    finishedAt: string;
    outcome: 'success' | 'failure';
    /** Per commit the deployment first shipped: finish time minus commit time, in seconds. */
    leadTimesSeconds: number[];
  }>;
}
