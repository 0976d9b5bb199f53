import { nestedBlocks } from '../hcl';
import { TerraformBlock, variableBlocks } from '../terraformBlocks';
import { PolicyFinding, PolicyRule } from '../types';

const RULE_ID = 'typed-described-variables';

/** Names of variables that take one of a few known values. */
const CLOSED_SET_NAME = /(^|_)(environment|env|stage|tier)$/;
/** Descriptions that list the values a variable may take. */
const CLOSED_SET_DESCRIPTION =
  /\bone of\b|\b(allowed|valid|supported|permitted) values\b/i;

function description(variable: TerraformBlock): string {
  const value = variable.body.description;
  return typeof value === 'string' ? value.trim() : '';
}

function takesClosedSet(variable: TerraformBlock): boolean {
  // hcl2json renders type constraints as expressions, e.g. "${bool}".
  if (variable.body.type === '${bool}') {
    return false;
  }
  return (
    CLOSED_SET_NAME.test(variable.name) ||
    CLOSED_SET_DESCRIPTION.test(description(variable))
  );
}

function variableFindings(variable: TerraformBlock): PolicyFinding[] {
  const finding = (message: string, fix: string): PolicyFinding => ({
    rule: RULE_ID,
    file: variable.file,
    address: variable.address,
    message,
    fix,
  });
  const findings: PolicyFinding[] = [];
  if (variable.body.type === undefined) {
    findings.push(
      finding('has no type', 'Add a type constraint, e.g. type = string.'),
    );
  }
  if (description(variable) === '') {
    findings.push(
      finding(
        'has no description',
        'Add a description saying what the value is for and what it accepts.',
      ),
    );
  }
  if (
    takesClosedSet(variable) &&
    nestedBlocks(variable.body, 'validation').length === 0
  ) {
    findings.push(
      finding(
        'takes one of a fixed set of values but has no validation block',
        'Add validation { condition = contains([...], var.' +
          `${variable.name}) error_message = "..." }.`,
      ),
    );
  }
  return findings;
}

export const typedDescribedVariables: PolicyRule = {
  id: RULE_ID,
  description:
    'Every variable has a type and a non-empty description; a variable that takes ' +
    'one of a fixed set of values (named environment, env, stage or tier, or ending ' +
    'in _environment, _env, _stage, _tier, or whose description says "one of" or ' +
    '"allowed values") has a validation block, unless it is a bool.',
  check(terraform) {
    return variableBlocks(terraform.files).flatMap(variableFindings);
  },
};
