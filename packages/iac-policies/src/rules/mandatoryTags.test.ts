import { locations, runRule } from '../testing/runRule';
import { mandatoryTags } from './mandatoryTags';

const taggedProvider = `
provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      Team        = "checkout"
      Service     = var.service
      Environment = "prod"
      CostCenter  = local.cost_center
      ManagedBy   = "terraform"
      Tier        = "tier-1"
    }
  }
}
`;

describe('mandatory-tags', () => {
  it('accepts a provider whose default_tags set every mandatory tag, also from expressions', async () => {
    expect(
      await runRule(mandatoryTags, {
        'environments/prod/providers.tf': taggedProvider,
        'modules/service/main.tf': 'resource "aws_sqs_queue" "jobs" {}',
      }),
    ).toEqual([]);
  });

  it('finds root modules with missing, empty or unverifiable default tags', async () => {
    const findings = await runRule(mandatoryTags, {
      'environments/dev/providers.tf': `
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Team       = "checkout"
      Service    = "basket-service"
      CostCenter = ""
    }
  }
}
`,
      'environments/staging/providers.tf': `
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
  default_tags {
    tags = var.tags
  }
}
`,
    });

    expect(locations(findings)).toEqual([
      {
        rule: 'mandatory-tags',
        file: 'environments/dev/providers.tf',
        address: 'provider.aws',
      },
      {
        rule: 'mandatory-tags',
        file: 'environments/staging/providers.tf',
        address: 'provider.aws',
      },
      {
        rule: 'mandatory-tags',
        file: 'environments/staging/providers.tf',
        address: 'provider.aws.us_east_1',
      },
    ]);
    expect(findings.map(finding => finding.message)).toEqual([
      'default_tags is missing Environment, ManagedBy and has empty CostCenter',
      'has no default_tags block',
      'sets default_tags.tags from an expression, so its tags cannot be checked',
    ]);
  });
});
