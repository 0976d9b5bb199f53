import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CostAnomaliesResponse,
  CostOverviewResponse,
  ServiceCostResponse,
  TeamCostResponse,
} from '@internal/plugin-cost-common';
import { CostApi } from './CostApi';

export class CostClient implements CostApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getOverview(): Promise<CostOverviewResponse> {
    return this.get('/overview');
  }

  getTeam(ref: { namespace: string; name: string }): Promise<TeamCostResponse> {
    return this.get(
      `/teams/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
        ref.name,
      )}`,
    );
  }

  getService(ref: {
    namespace: string;
    name: string;
  }): Promise<ServiceCostResponse> {
    return this.get(
      `/services/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
        ref.name,
      )}`,
    );
  }

  getAnomalies(
    query: { from?: string; to?: string; entityRef?: string } = {},
  ): Promise<CostAnomaliesResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value) params.set(key, value);
    const search = params.toString();
    return this.get(`/anomalies${search ? `?${search}` : ''}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('cost');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
