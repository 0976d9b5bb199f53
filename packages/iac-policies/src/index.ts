/**
 * Policy checks for the Terraform the golden-path templates emit.
 *
 * @packageDocumentation
 */

export { checkTerraform } from './checkTerraform';
export { formatFindings } from './formatFindings';
export { parseTerraformFiles } from './parseTerraformFiles';
export type {
  ParsedTerraform,
  TerraformFile,
  TerraformModule,
} from './parseTerraformFiles';
export type { HclObject, HclValue } from './hcl';
export {
  DEFAULT_MANDATORY_TAGS,
  DEFAULT_PRODUCTION_ENVIRONMENTS,
} from './types';
export type {
  PolicyFinding,
  PolicyOptions,
  PolicyRule,
  ResolvedPolicyOptions,
} from './types';
export {
  rules,
  deletionProtectionInProd,
  encryptionAtRest,
  mandatoryTags,
  noOpenAdminIngress,
  noWildcardIam,
  typedDescribedVariables,
} from './rules';
