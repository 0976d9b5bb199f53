import { locations, runRule } from '../testing/runRule';
import { encryptionAtRest } from './encryptionAtRest';

const encryptedStores = `
resource "aws_db_instance" "orders" {
  engine            = "postgres"
  storage_encrypted = true
}

resource "aws_rds_cluster" "ledger" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_ecr_repository" "app" {
  name = "app"
  encryption_configuration {
    encryption_type = "KMS"
  }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}

resource "aws_s3_bucket" "uploads" {
  bucket = "harbor-uploads"
}

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "payments" {
  name              = "payments"
  kms_master_key_id = aws_kms_key.data.id
}
`;

// In a second file of the same module: Terraform reads a directory as one module.
const uploadsEncryption = `
resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
`;

const unencryptedStores = `
resource "aws_db_instance" "orders" {
  engine = "postgres"
}

resource "aws_rds_cluster" "ledger" {
  engine            = "aurora-postgresql"
  storage_encrypted = false
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
}

resource "aws_s3_bucket" "uploads" {
  bucket = "harbor-uploads"
}

resource "aws_s3_bucket" "logs" {
  bucket = "harbor-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs_in_other_bucket" {
  bucket = aws_s3_bucket.logs_archive.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = false
}
`;

describe('encryption-at-rest', () => {
  it('accepts encrypted databases, volumes, repositories, buckets and queues', async () => {
    expect(
      await runRule(encryptionAtRest, {
        'modules/data/main.tf': encryptedStores,
        'modules/data/s3.tf': uploadsEncryption,
      }),
    ).toEqual([]);
  });

  it('does not match an encryption configuration in another module', async () => {
    const findings = await runRule(encryptionAtRest, {
      'modules/data/main.tf': 'resource "aws_s3_bucket" "uploads" {}',
      'modules/other/s3.tf': uploadsEncryption,
    });
    expect(locations(findings)).toEqual([
      {
        rule: 'encryption-at-rest',
        file: 'modules/data/main.tf',
        address: 'aws_s3_bucket.uploads',
      },
    ]);
  });

  it('finds every unencrypted store', async () => {
    const findings = await runRule(encryptionAtRest, {
      'main.tf': unencryptedStores,
    });

    expect(locations(findings)).toEqual(
      [
        'aws_db_instance.orders',
        'aws_ebs_volume.scratch',
        'aws_ecr_repository.app',
        'aws_rds_cluster.ledger',
        'aws_s3_bucket.logs',
        'aws_s3_bucket.uploads',
        'aws_sqs_queue.jobs',
      ].map(address => ({
        rule: 'encryption-at-rest',
        file: 'main.tf',
        address,
      })),
    );
    expect(findings[0].message).toBe(
      'storage_encrypted is not set, so storage is not encrypted',
    );
    expect(findings[3].message).toBe(
      'storage_encrypted is false, so storage is not encrypted',
    );
  });
});
