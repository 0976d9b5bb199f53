import { createApiRef } from '@backstage/frontend-plugin-api';
import { SloListResponse } from '@internal/plugin-slo-common';

/** Reads the SLO backend's stored measurements; never waits on Prometheus. */
export interface SloApi {
  /** Every SLO of every component, without series. */
  listSlos(): Promise<SloListResponse>;
  /** One component's SLOs, with burn and budget series for charts. */
  getEntitySlos(entityRef: string): Promise<SloListResponse>;
}

export const sloApiRef = createApiRef<SloApi>({ id: 'plugin.slo.api' });
