import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DoraOverviewResponse, ServiceDoraResponse, TeamDoraResponse } from '@internal/plugin-dora-common';
import { DoraApi } from './DoraApi';

/** Calls `/api/dora` with the signed-in user's credentials (fetchApi adds them). */
export class DoraClient implements DoraApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  getService(entityRef: string): Promise<ServiceDoraResponse> {
    const { namespace, name } = parseEntityRef(entityRef);
    return this.get(`/services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`);
  }

  getTeam(entityRef: string): Promise<TeamDoraResponse> {
    const { namespace, name } = parseEntityRef(entityRef);
    return this.get(`/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`);
  }

  getOverview(): Promise<DoraOverviewResponse> {
    return this.get('/overview');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('dora');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
