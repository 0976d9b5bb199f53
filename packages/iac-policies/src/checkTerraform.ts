import { parseTerraformFiles } from './parseTerraformFiles';
import { rules } from './rules';
import { sortFindings } from './sortFindings';
import {
  DEFAULT_MANDATORY_TAGS,
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  PolicyFinding,
  PolicyOptions,
} from './types';

/**
 * Parses the files (relative path to HCL text) and runs every policy on them. Findings
 * come in rule order, then by file and address.
 * Throws when a file is not valid HCL.
 */
export async function checkTerraform(
  files: Record<string, string>,
  options: PolicyOptions = {},
): Promise<PolicyFinding[]> {
  const terraform = await parseTerraformFiles(files);
  const resolved = {
    mandatoryTags: options.mandatoryTags ?? DEFAULT_MANDATORY_TAGS,
    productionEnvironments:
      options.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS,
  };
  const findings: PolicyFinding[] = [];
  for (const rule of rules) {
    findings.push(...sortFindings(await rule.check(terraform, resolved)));
  }
  return findings;
}
