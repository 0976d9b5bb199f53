/**
 * The platform team's weekly review page (new frontend system): the plugin is the default
 * export, so the app's feature discovery installs it.
 *
 * @packageDocumentation
 */
export { platformReviewPlugin as default } from './plugin';
export { platformReviewApiRef } from './api/PlatformReviewApi';
export type { PlatformReviewApi } from './api/PlatformReviewApi';
