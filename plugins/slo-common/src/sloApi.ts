import { SloDefinition } from './sloDefinition';
import { SloSeries } from './sloSeries';
import { SloStatus } from './sloStatus';

/** One SLO as `GET /api/slo/slos` serves it: its definition and last good measurement. */
export interface SloItem extends SloDefinition {
  /** The last good status; null until the first successful measurement. */
  status: SloStatus | null;
  /** Burn and budget over the window; only when a single entity is asked for. */
  series?: SloSeries | null;
  measuredAt: string | null;
  ageSeconds: number | null;
  /** Why the latest refresh failed for this SLO; null when it succeeded. */
  error: string | null;
  errorAt: string | null;
}

export interface SloListResponse {
  /** True when the figures come from the portal's demo fixtures, not from Prometheus. */
  demo: boolean;
  items: SloItem[];
}
