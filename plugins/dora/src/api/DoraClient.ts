import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DoraOverviewResponse, DoraWindow, ServiceDoraResponse, TeamDoraResponse } from '@internal/plugin-dora-common';
import { DoraApi } from './DoraApi';

/** Calls `/api/dora` with the signed-in user's credentials (fetchApi adds them). */
export class DoraClient implements DoraApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  getService(entityRef: string, window: DoraWindow): Promise<ServiceDoraResponse> {
    const { namespace, name } = parseEntityRef(entityRef);
    return this.get(`/services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`, window);
  }

  getTeam(entityRef: string, window: DoraWindow): Promise<TeamDoraResponse> {
    const { namespace, name } = parseEntityRef(entityRef);
    return this.get(`/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`, window);
  }

  getOverview(window: DoraWindow): Promise<DoraOverviewResponse> {
    return this.get('/overview', window);
  }

  private async get<T>(path: string, window: DoraWindow): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('dora');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}?window=${encodeURIComponent(window)}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
