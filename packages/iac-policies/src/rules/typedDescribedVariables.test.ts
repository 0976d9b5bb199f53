import { locations, runRule } from '../testing/runRule';
import { typedDescribedVariables } from './typedDescribedVariables';

const wellDeclaredVariables = `
variable "environment" {
  type        = string
  description = "Environment the service runs in."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "service_tier" {
  type        = string
  description = "Service tier."

  validation {
    condition     = contains(["tier-1", "tier-2", "tier-3"], var.service_tier)
    error_message = "service_tier must be one of tier-1, tier-2, tier-3."
  }
}

variable "multi_az" {
  type        = bool
  description = "Whether to run one of the instances in a second availability zone."
  default     = false
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the database."
}
`;

const badlyDeclaredVariables = `
variable "environment" {
  type        = string
  description = "Environment the service runs in."
}

variable "tier" {
  description = "   "
}

variable "log_level" {
  type        = string
  description = "Log level: one of debug, info, warn, error."
  default     = "info"
}

variable "replicas" {
  type = number
}
`;

describe('typed-described-variables', () => {
  it('accepts typed, described variables with validation for closed sets', async () => {
    expect(
      await runRule(typedDescribedVariables, {
        'variables.tf': wellDeclaredVariables,
      }),
    ).toEqual([]);
  });

  it('finds variables without type, description or the validation a closed set needs', async () => {
    const findings = await runRule(typedDescribedVariables, {
      'modules/service/variables.tf': badlyDeclaredVariables,
    });

    expect(findings.map(finding => [finding.address, finding.message])).toEqual(
      [
        [
          'variable.environment',
          'takes one of a fixed set of values but has no validation block',
        ],
        [
          'variable.log_level',
          'takes one of a fixed set of values but has no validation block',
        ],
        ['variable.replicas', 'has no description'],
        ['variable.tier', 'has no type'],
        ['variable.tier', 'has no description'],
        [
          'variable.tier',
          'takes one of a fixed set of values but has no validation block',
        ],
      ],
    );
    expect(
      new Set(locations(findings).map(({ rule, file }) => `${rule} ${file}`)),
    ).toEqual(
      new Set(['typed-described-variables modules/service/variables.tf']),
    );
  });
});
