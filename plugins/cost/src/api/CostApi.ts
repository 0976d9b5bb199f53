import { createApiRef } from '@backstage/frontend-plugin-api';
import {
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
}

export const costApiRef = createApiRef<CostApi>({ id: 'plugin.cost.api' });
