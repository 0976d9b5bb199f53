export type { FactSchema, FactRetrieval, ScorecardFactRetriever } from './factRetriever';
export { scorecardsFactsExtensionPoint } from './extensionPoint';
export type { ScorecardsFactsExtensionPoint } from './extensionPoint';
export { readPluginFacts } from './readPluginFacts';
