export { scorecardsModuleDora as default } from './module';
export { createDoraFactRetriever } from './doraFactRetriever';
export type { DoraFactsResponse } from './doraFactRetriever';
