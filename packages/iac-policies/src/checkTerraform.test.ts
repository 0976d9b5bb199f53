import { checkTerraform } from './checkTerraform';
import { formatFindings } from './formatFindings';

const root = `
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Team    = "checkout"
      Service = "basket-service"
      Owner   = "checkout"
    }
  }
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

module "service" {
  source              = "../../modules/service"
  deletion_protection = false
}
`;

describe('checkTerraform', () => {
  it('runs every rule and reports in rule order', async () => {
    const findings = await checkTerraform({ 'live/main.tf': root });

    expect(findings.map(({ rule, address }) => `${rule} ${address}`)).toEqual([
      'encryption-at-rest aws_sqs_queue.jobs',
      'mandatory-tags provider.aws',
    ]);
  });

  it('takes the mandatory tags and production environment names as options', async () => {
    const findings = await checkTerraform(
      { 'live/main.tf': root },
      { mandatoryTags: ['Owner'], productionEnvironments: ['live'] },
    );

    expect(findings.map(({ rule, address }) => `${rule} ${address}`)).toEqual([
      'encryption-at-rest aws_sqs_queue.jobs',
      'deletion-protection-in-prod module.service',
    ]);
  });
});

describe('formatFindings', () => {
  it('writes one line per finding', () => {
    expect(
      formatFindings([
        {
          rule: 'encryption-at-rest',
          file: 'main.tf',
          address: 'aws_ebs_volume.scratch',
          message: 'encrypted is not set, so storage is not encrypted',
          fix: 'Set encrypted = true.',
        },
        {
          rule: 'mandatory-tags',
          file: 'providers.tf',
          address: 'provider.aws',
          message: 'has no default_tags block',
          fix: 'Add default_tags.',
        },
      ]),
    ).toBe(
      '[encryption-at-rest] main.tf aws_ebs_volume.scratch: encrypted is not set, so storage is not encrypted — Set encrypted = true.\n' +
        '[mandatory-tags] providers.tf provider.aws: has no default_tags block — Add default_tags.',
    );
  });
});
