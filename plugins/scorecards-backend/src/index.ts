export { scorecardsPlugin as default } from './plugin';
export {
  PlatformTeamScorecardsPolicy,
  decideScorecardsPermission,
} from './permissions/PlatformTeamScorecardsPolicy';
export { createCatalogFactRetriever } from './facts/catalogFactRetriever';
export type { TemplateVersionStatus } from './facts/catalogFactRetriever';
