import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  CostAnomaliesResponse,
  CostOverviewResponse,
  ServiceCostResponse,
  TeamCostResponse,
} from '@internal/plugin-cost-common';

/** Reads the cost backend's stored figures; never calls Kubecost or AWS from the browser. */
export interface CostApi {
  getOverview(): Promise<CostOverviewResponse>;
  getTeam(ref: { namespace: string; name: string }): Promise<TeamCostResponse>;
  getService(ref: {
    namespace: string;
    name: string;
  }): Promise<ServiceCostResponse>;
  /** Days flagged for every team and service; the last 14 days unless `from`/`to` are given. */
  getAnomalies(query?: {
    from?: string;
    to?: string;
    entityRef?: string;
  }): Promise<CostAnomaliesResponse>;
}

export const costApiRef = createApiRef<CostApi>({ id: 'plugin.cost.api' });
