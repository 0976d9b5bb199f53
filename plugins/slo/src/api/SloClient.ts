import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  FreezeExemption,
  FreezeListResponse,
  GateOverrideListResponse,
  SloListResponse,
} from '@internal/plugin-slo-common';
import { SloApi } from './SloApi';

export class SloClient implements SloApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  listSlos(): Promise<SloListResponse> {
    return this.request('/slos');
  }

  getEntitySlos(entityRef: string): Promise<SloListResponse> {
    return this.request(`/slos?entityRef=${encodeURIComponent(entityRef)}`);
  }

  listFreezes(entityRef?: string): Promise<FreezeListResponse> {
    return this.request(entityRef ? `/freezes?entityRef=${encodeURIComponent(entityRef)}` : '/freezes');
  }

  addExemption(input: { entityRef: string; reason: string; expiresAt: string }): Promise<FreezeExemption> {
    return this.request('/freezes/exemptions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  async removeExemption(id: string): Promise<void> {
    await this.request(`/freezes/exemptions/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  listOverrides(entityRef: string, from: string): Promise<GateOverrideListResponse> {
    return this.request(`/overrides?entityRef=${encodeURIComponent(entityRef)}&from=${encodeURIComponent(from)}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('slo');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}
