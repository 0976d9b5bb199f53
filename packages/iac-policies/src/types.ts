import { ParsedTerraform } from './parseTerraformFiles';

export interface PolicyFinding {
  /** The id of the rule that found it, e.g. `no-wildcard-iam`. */
  rule: string;
  /** The file, relative to the checked directory. */
  file: string;
  /** The Terraform address, e.g. `aws_security_group.db` or `variable.environment`. */
  address: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

export interface PolicyOptions {
  /** Tags every root module's AWS provider must set in `default_tags`. */
  mandatoryTags?: string[];
  /** Directory names that mark a production environment, e.g. `environments/prod`. */
  productionEnvironments?: string[];
}

export type ResolvedPolicyOptions = Required<PolicyOptions>;

export const DEFAULT_MANDATORY_TAGS = [
  'Team',
  'Service',
  'Environment',
  'CostCenter',
  'ManagedBy',
];

export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['prod', 'production'];

export interface PolicyRule {
  id: string;
  description: string;
  check(
    terraform: ParsedTerraform,
    options: ResolvedPolicyOptions,
  ): PolicyFinding[] | Promise<PolicyFinding[]>;
}
