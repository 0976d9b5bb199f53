import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ScorecardFactRetriever } from './factRetriever';

export interface ScorecardsFactsExtensionPoint {
  addFactRetriever(...retrievers: ScorecardFactRetriever[]): void;
}

/**
 * Backend modules of the scorecards plugin register their fact retrievers here, e.g.
 * `plugins/scorecards-backend-module-slo`.
 */
export const scorecardsFactsExtensionPoint = createExtensionPoint<ScorecardsFactsExtensionPoint>({
  id: 'scorecards.facts',
});
