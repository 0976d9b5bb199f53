export { scorecardsModuleCost as default } from './module';
export { createCostFactRetriever } from './costFactRetriever';
export type { CostFactsResponse } from './costFactRetriever';
