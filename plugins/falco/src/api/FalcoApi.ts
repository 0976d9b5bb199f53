import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FalcoAlertsResponse,
  FalcoCountsResponse,
  FalcoOverviewResponse,
  FalcoPriority,
} from '@internal/plugin-falco-common';

export interface AlertsQuery {
  /** One component; omit together with `unmapped` for every event. */
  entityRef?: string;
  unmapped?: boolean;
  priorities?: FalcoPriority[];
  rule?: string;
  /** The last N days as the card counts them (lastDaysWindow); or an exact `since`. */
  days?: number;
  since?: Date;
  limit?: number;
  offset?: number;
}

/** Reads what the falco backend stored; the browser never talks to Falco. */
export interface FalcoApi {
  getAlerts(query: AlertsQuery): Promise<FalcoAlertsResponse>;
  getCounts(entityRef: string, days: number): Promise<FalcoCountsResponse>;
  getOverview(days: number): Promise<FalcoOverviewResponse>;
}

export const falcoApiRef = createApiRef<FalcoApi>({ id: 'plugin.falco' });
