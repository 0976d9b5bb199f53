import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FreezeExemption,
  FreezeListResponse,
  GateOverrideListResponse,
  SloListResponse,
} from '@internal/plugin-slo-common';

/** Reads the SLO backend's stored measurements; never waits on Prometheus. */
export interface SloApi {
  /** Every SLO of every component, without series. */
  listSlos(): Promise<SloListResponse>;
  /** One component's SLOs, with burn and budget series for charts. */
  getEntitySlos(entityRef: string): Promise<SloListResponse>;
  /** Every service's deploy-freeze state (or one service's), with active exemptions. */
  listFreezes(entityRef?: string): Promise<FreezeListResponse>;
  /** Platform group only (permission slo.freeze.exempt). */
  addExemption(input: { entityRef: string; reason: string; expiresAt: string }): Promise<FreezeExemption>;
  removeExemption(id: string): Promise<void>;
  /** One service's production deploys despite the deploy gate (emergency overrides) since `from`. */
  listOverrides(entityRef: string, from: string): Promise<GateOverrideListResponse>;
}

export const sloApiRef = createApiRef<SloApi>({ id: 'plugin.slo.api' });
