import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  FalcoAlertsResponse,
  FalcoCountsResponse,
  FalcoOverviewResponse,
} from '@internal/plugin-falco-common';
import { AlertsQuery, FalcoApi } from './FalcoApi';

export class FalcoClient implements FalcoApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  private async get<T>(path: string, params: Record<string, string | undefined>): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('falco');
    const query = new URLSearchParams(
      Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const response = await this.deps.fetchApi.fetch(`${base}${path}?${query}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  getAlerts(query: AlertsQuery) {
    return this.get<FalcoAlertsResponse>('/alerts', {
      entityRef: query.entityRef,
      unmapped: query.unmapped ? 'true' : undefined,
      priority: query.priorities?.length ? query.priorities.join(',') : undefined,
      rule: query.rule,
      days: query.days?.toString(),
      since: query.since?.toISOString(),
      limit: query.limit?.toString(),
      offset: query.offset?.toString(),
    });
  }

  getCounts(entityRef: string, days: number) {
    return this.get<FalcoCountsResponse>('/counts', { entityRef, days: String(days) });
  }

  getOverview(days: number) {
    return this.get<FalcoOverviewResponse>('/overview', { days: String(days) });
  }
}
