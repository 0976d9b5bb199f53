import { parseTerraformFiles } from '../parseTerraformFiles';
import { sortFindings } from '../sortFindings';
import {
  DEFAULT_MANDATORY_TAGS,
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  PolicyFinding,
  PolicyRule,
} from '../types';

/** Runs one rule with the default options, ordered as checkTerraform orders findings. */
export async function runRule(
  rule: PolicyRule,
  files: Record<string, string>,
): Promise<PolicyFinding[]> {
  const findings = await rule.check(await parseTerraformFiles(files), {
    mandatoryTags: DEFAULT_MANDATORY_TAGS,
    productionEnvironments: DEFAULT_PRODUCTION_ENVIRONMENTS,
  });
  return sortFindings(findings);
}

/** The identifying part of findings, for exact comparisons. */
export function locations(
  findings: PolicyFinding[],
): Array<Pick<PolicyFinding, 'rule' | 'file' | 'address'>> {
  return findings.map(({ rule, file, address }) => ({ rule, file, address }));
}
