/**
 * The platform team's weekly review backend.
 *
 * @packageDocumentation
 */
export { platformReviewPlugin as default } from './plugin';
