export { scorecardsModuleSlo as default } from './module';
export { createSloFactRetriever, sloFacts } from './sloFactRetriever';
