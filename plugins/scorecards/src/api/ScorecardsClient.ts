import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { OverviewQuery, ScorecardsApi } from './ScorecardsApi';

export class ScorecardsClient implements ScorecardsApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('scorecards');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.request(path, init)).json();
  }

  private static query(query: OverviewQuery = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    const text = params.toString();
    return text ? `?${text}` : '';
  }

  getOverview(query?: OverviewQuery) {
    return this.json<Awaited<ReturnType<ScorecardsApi['getOverview']>>>(`/overview${ScorecardsClient.query(query)}`);
  }

  async getOverviewCsv(query?: OverviewQuery) {
    return (await this.request(`/overview.csv${ScorecardsClient.query(query)}`)).blob();
  }

  getEntity(entityRef: string) {
    return this.json<Awaited<ReturnType<ScorecardsApi['getEntity']>>>(
      `/entity?entityRef=${encodeURIComponent(entityRef)}`,
    );
  }

  getTeams(owner?: string) {
    return this.json<Awaited<ReturnType<ScorecardsApi['getTeams']>>>(`/teams${ScorecardsClient.query({ owner })}`);
  }

  getDefinitions() {
    return this.json<Awaited<ReturnType<ScorecardsApi['getDefinitions']>>>('/definitions');
  }

  async evaluate() {
    const { run } = await this.json<{ run: Awaited<ReturnType<ScorecardsApi['evaluate']>> }>('/evaluate', {
      method: 'POST',
    });
    return run;
  }

  async saveDefinitions(yaml: string) {
    await this.request('/definitions', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ yaml }),
    });
  }
}
