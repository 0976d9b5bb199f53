import { locations, runRule } from '../testing/runRule';
import { deletionProtectionInProd } from './deletionProtectionInProd';

const protectedModule = `
variable "deletion_protection" {
  type        = bool
  description = "Whether the data stores refuse deletion."
  default     = true
}

resource "aws_db_instance" "orders" {
  engine              = "postgres"
  deletion_protection = var.deletion_protection
}

resource "aws_rds_cluster" "ledger" {
  engine              = "aurora-postgresql"
  deletion_protection = true
}

resource "aws_dynamodb_table" "sessions" {
  name                        = "sessions"
  hash_key                    = "id"
  deletion_protection_enabled = var.deletion_protection
}
`;

const providerConfiguration = `
provider "aws" {
  region = "eu-west-1"
}
`;

function rootCalling(deletionProtection: string): string {
  return `
module "data" {
  source              = "../../modules/data"
  deletion_protection = ${deletionProtection}
}
`;
}

const unprotectedModule = `
variable "deletion_protection" {
  type        = bool
  description = "Whether the data stores refuse deletion."
  default     = false
}

variable "table_protection" {
  type        = bool
  description = "Whether the table refuses deletion."
}

resource "aws_db_instance" "orders" {
  engine              = "postgres"
  deletion_protection = var.deletion_protection
}

resource "aws_rds_cluster" "ledger" {
  engine = "aurora-postgresql"
}

resource "aws_dynamodb_table" "sessions" {
  name                        = "sessions"
  hash_key                    = "id"
  deletion_protection_enabled = var.table_protection
}
`;

describe('deletion-protection-in-prod', () => {
  it('accepts protected modules, a prod root passing true and a dev root turning it off', async () => {
    expect(
      await runRule(deletionProtectionInProd, {
        'modules/data/main.tf': protectedModule,
        'environments/prod/providers.tf': providerConfiguration,
        'environments/prod/main.tf': rootCalling('true'),
        'environments/dev/providers.tf': providerConfiguration,
        'environments/dev/main.tf': rootCalling('false'),
        'environments/dev/database.tf': `
resource "aws_db_instance" "scratch" {
  engine              = "postgres"
  deletion_protection = false
}
`,
      }),
    ).toEqual([]);
  });

  it('finds prod roots that pass anything but literal true and unprotected data stores', async () => {
    const findings = await runRule(deletionProtectionInProd, {
      'modules/data/main.tf': unprotectedModule,
      'environments/prod/providers.tf': providerConfiguration,
      'environments/prod/main.tf': rootCalling('var.protect'),
      'environments/production/main.tf': rootCalling('false'),
      'environments/prod/database.tf': `
resource "aws_db_instance" "reporting" {
  engine              = "postgres"
  deletion_protection = false
}
`,
    });

    expect(locations(findings)).toEqual([
      {
        rule: 'deletion-protection-in-prod',
        file: 'environments/prod/database.tf',
        address: 'aws_db_instance.reporting',
      },
      {
        rule: 'deletion-protection-in-prod',
        file: 'environments/prod/main.tf',
        address: 'module.data',
      },
      {
        rule: 'deletion-protection-in-prod',
        file: 'environments/production/main.tf',
        address: 'module.data',
      },
      {
        rule: 'deletion-protection-in-prod',
        file: 'modules/data/main.tf',
        address: 'aws_db_instance.orders',
      },
      {
        rule: 'deletion-protection-in-prod',
        file: 'modules/data/main.tf',
        address: 'aws_dynamodb_table.sessions',
      },
      {
        rule: 'deletion-protection-in-prod',
        file: 'modules/data/main.tf',
        address: 'aws_rds_cluster.ledger',
      },
    ]);
    expect(findings.map(finding => finding.message)).toEqual([
      'deletion_protection is false',
      'passes deletion_protection = var.protect in the production environment "prod"',
      'passes deletion_protection = false in the production environment "production"',
      'deletion_protection comes from var.deletion_protection, whose default is false',
      'deletion_protection_enabled comes from var.table_protection, whose default is not set',
      'deletion_protection is not set, and AWS defaults it to false',
    ]);
  });
});
