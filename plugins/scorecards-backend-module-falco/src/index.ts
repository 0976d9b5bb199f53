export { scorecardsModuleFalco as default } from './module';
export { createFalcoFactRetriever } from './falcoFactRetriever';
export type { FalcoFactsResponse } from './falcoFactRetriever';
