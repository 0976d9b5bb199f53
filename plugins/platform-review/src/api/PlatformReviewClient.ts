import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { WeeklyReview } from '@internal/plugin-platform-review-common';
import { PlatformReviewApi } from './PlatformReviewApi';

/** Calls `/api/platform-review` with the signed-in user's credentials (fetchApi adds them). */
export class PlatformReviewClient implements PlatformReviewApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  async getWeek(week: string): Promise<WeeklyReview> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('platform-review');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}/weeks/${encodeURIComponent(week)}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as WeeklyReview;
  }
}
