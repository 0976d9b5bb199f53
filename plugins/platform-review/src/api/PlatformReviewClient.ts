import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { WeeklyReview } from '@internal/plugin-platform-review-common';
import { PlatformReviewApi } from './PlatformReviewApi';

/** Calls `/api/platform-review` with the signed-in user's credentials (fetchApi adds them). */
export class PlatformReviewClient implements PlatformReviewApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  async getWeek(week: string): Promise<WeeklyReview> {
    const response = await this.get(`/weeks/${encodeURIComponent(week)}`);
    return (await response.json()) as WeeklyReview;
  }

  async exportWeek(week: string, format: 'md' | 'csv'): Promise<{ fileName: string; blob: Blob }> {
    const response = await this.get(`/weeks/${encodeURIComponent(week)}.${format}`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `platform-review-${week}.${format}`;
    return { fileName, blob: await response.blob() };
  }

  private async get(path: string): Promise<Response> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('platform-review');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}
