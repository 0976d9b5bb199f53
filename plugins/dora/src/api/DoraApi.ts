import { createApiRef } from '@backstage/frontend-plugin-api';
import { DoraOverviewResponse, DoraWindow, ServiceDoraResponse, TeamDoraResponse } from '@internal/plugin-dora-common';

/** The DORA backend's read endpoints, as the pages use them. */
export interface DoraApi {
  /** `component:namespace/name` */
  getService(entityRef: string, window: DoraWindow): Promise<ServiceDoraResponse>;
  /** `group:namespace/name` */
  getTeam(entityRef: string, window: DoraWindow): Promise<TeamDoraResponse>;
  getOverview(window: DoraWindow): Promise<DoraOverviewResponse>;
}

export const doraApiRef = createApiRef<DoraApi>({ id: 'plugin.dora.api' });
