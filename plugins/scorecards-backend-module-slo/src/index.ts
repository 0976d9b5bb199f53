export { scorecardsModuleSlo as default } from './module';
export { createSloFactRetriever, sloFacts } from './sloFactRetriever';
export { createSloDeclarationFactRetriever } from './sloDeclarationFactRetriever';
