export { scorecardsPlugin as default } from './plugin';
export { scorecardsApiRef } from './api/ScorecardsApi';
export type { ScorecardsApi, OverviewQuery } from './api/ScorecardsApi';
export { ScorecardsClient } from './api/ScorecardsClient';
