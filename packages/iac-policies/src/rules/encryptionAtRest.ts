import { hclText, nestedBlocks } from '../hcl';
import { TerraformModule } from '../parseTerraformFiles';
import { TerraformBlock, resourceBlocks } from '../terraformBlocks';
import { PolicyFinding, PolicyRule } from '../types';

const RULE_ID = 'encryption-at-rest';

interface EncryptionCheck {
  resourceType: string;
  /** What is wrong with the block, or undefined when it is encrypted. */
  problem(block: TerraformBlock, module: TerraformModule): string | undefined;
  fix: string;
}

function requireTrue(attribute: string) {
  return (block: TerraformBlock) =>
    block.body[attribute] === true
      ? undefined
      : `${attribute} is ${hclText(
          block.body[attribute],
        )}, so storage is not encrypted`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An encryption configuration belongs to a bucket when it references it or names the same bucket. */
function hasEncryptionConfiguration(
  bucket: TerraformBlock,
  module: TerraformModule,
): boolean {
  if (
    nestedBlocks(bucket.body, 'server_side_encryption_configuration').length
  ) {
    return true;
  }
  const reference = new RegExp(
    `\\baws_s3_bucket\\.${escapeRegExp(
      bucket.name,
    )}(\\[[^\\]]*\\])?\\.(id|bucket)\\b`,
  );
  return resourceBlocks(
    module.files,
    'aws_s3_bucket_server_side_encryption_configuration',
  ).some(({ body }) => {
    const target = body.bucket;
    return (
      typeof target === 'string' &&
      (reference.test(target) || target === bucket.body.bucket)
    );
  });
}

const CHECKS: EncryptionCheck[] = [
  {
    resourceType: 'aws_db_instance',
    problem: requireTrue('storage_encrypted'),
    fix: 'Set storage_encrypted = true (with kms_key_id for a customer-managed key).',
  },
  {
    resourceType: 'aws_rds_cluster',
    problem: requireTrue('storage_encrypted'),
    fix: 'Set storage_encrypted = true (with kms_key_id for a customer-managed key).',
  },
  {
    resourceType: 'aws_ebs_volume',
    problem: requireTrue('encrypted'),
    fix: 'Set encrypted = true (with kms_key_id for a customer-managed key).',
  },
  {
    resourceType: 'aws_ecr_repository',
    problem: block =>
      nestedBlocks(block.body, 'encryption_configuration').length
        ? undefined
        : 'has no encryption_configuration block',
    fix: 'Add encryption_configuration { encryption_type = "KMS" } (or "AES256").',
  },
  {
    resourceType: 'aws_s3_bucket',
    problem: (block, module) =>
      hasEncryptionConfiguration(block, module)
        ? undefined
        : `has no aws_s3_bucket_server_side_encryption_configuration whose bucket is aws_s3_bucket.${block.name}.id`,
    fix:
      'Add a resource "aws_s3_bucket_server_side_encryption_configuration" with ' +
      `bucket = aws_s3_bucket.<name>.id and a rule with apply_server_side_encryption_by_default.`,
  },
  {
    resourceType: 'aws_sqs_queue',
    problem: block => {
      const kmsKey = block.body.kms_master_key_id;
      const kmsEncrypted = typeof kmsKey === 'string' && kmsKey.trim() !== '';
      return block.body.sqs_managed_sse_enabled === true || kmsEncrypted
        ? undefined
        : 'sets neither sqs_managed_sse_enabled = true nor kms_master_key_id';
    },
    fix: 'Set sqs_managed_sse_enabled = true, or kms_master_key_id for a customer-managed key.',
  },
];

export const encryptionAtRest: PolicyRule = {
  id: RULE_ID,
  description:
    'Stored data is encrypted: aws_db_instance and aws_rds_cluster set ' +
    'storage_encrypted = true, aws_ebs_volume sets encrypted = true, ' +
    'aws_ecr_repository has an encryption_configuration block, every aws_s3_bucket ' +
    'has an aws_s3_bucket_server_side_encryption_configuration in the same module ' +
    'that references it, and aws_sqs_queue sets sqs_managed_sse_enabled = true or ' +
    'kms_master_key_id.',
  check(terraform) {
    return terraform.modules.flatMap(module =>
      CHECKS.flatMap(check =>
        resourceBlocks(module.files, check.resourceType).flatMap(
          (block): PolicyFinding[] => {
            const problem = check.problem(block, module);
            return problem
              ? [
                  {
                    rule: RULE_ID,
                    file: block.file,
                    address: block.address,
                    message: problem,
                    fix: check.fix,
                  },
                ]
              : [];
          },
        ),
      ),
    );
  },
};
