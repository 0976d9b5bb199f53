import { createApiRef } from '@backstage/frontend-plugin-api';
import { WeeklyReview } from '@internal/plugin-platform-review-common';

export interface PlatformReviewApi {
  /** `current` or an ISO week such as 2026-W48. */
  getWeek(week: string): Promise<WeeklyReview>;
}

export const platformReviewApiRef = createApiRef<PlatformReviewApi>({ id: 'plugin.platform-review.api' });
