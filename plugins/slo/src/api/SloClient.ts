import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { SloListResponse } from '@internal/plugin-slo-common';
import { SloApi } from './SloApi';

export class SloClient implements SloApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  listSlos(): Promise<SloListResponse> {
    return this.get('/slos');
  }

  getEntitySlos(entityRef: string): Promise<SloListResponse> {
    return this.get(`/slos?entityRef=${encodeURIComponent(entityRef)}`);
  }

  private async get(path: string): Promise<SloListResponse> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('slo');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as SloListResponse;
  }
}
