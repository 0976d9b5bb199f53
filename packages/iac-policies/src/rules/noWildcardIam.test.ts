import { locations, runRule } from '../testing/runRule';
import { noWildcardIam } from './noWildcardIam';

const scopedPolicies = `
data "aws_iam_policy_document" "read_uploads" {
  statement {
    actions   = ["s3:GetObject", "s3:Get*"]
    resources = ["arn:aws:s3:::uploads/*", "\${aws_s3_bucket.uploads.arn}/*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_iam_role_policy" "queue" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
      Resource = aws_sqs_queue.jobs.arn
    }]
  })
}

resource "aws_iam_policy" "logs" {
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:eu-west-1:123456789012:log-group:app:*"}]
    }
  EOT
}
`;

const wildcardPolicies = `
locals {
  admin_policy = {
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  }
}

data "aws_iam_policy_document" "too_broad" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::uploads/*"]
  }
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "everything_in_dynamodb" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "dynamodb:*"
        Resource = aws_dynamodb_table.jobs.arn
      },
    ]
  })
}

resource "aws_iam_policy" "any_resource" {
  policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": ["*"]}]}
EOT
}

resource "aws_iam_policy" "admin" {
  policy = jsonencode(local.admin_policy)
}

resource "aws_iam_role" "legacy" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {
    name   = "all"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["ec2:*"], Resource = ["arn:aws:ec2:*:*:instance/i-1"] }] })
  }
}
`;

describe('no-wildcard-iam', () => {
  it('accepts scoped actions and resources, partial wildcards and Deny statements', async () => {
    expect(await runRule(noWildcardIam, { 'iam.tf': scopedPolicies })).toEqual(
      [],
    );
  });

  it('finds wildcards in policy documents, jsonencode, locals and heredocs', async () => {
    const findings = await runRule(noWildcardIam, {
      'modules/worker/iam.tf': wildcardPolicies,
    });

    expect(locations(findings)).toEqual(
      [
        'aws_iam_policy.admin',
        'aws_iam_policy.any_resource',
        'aws_iam_role.legacy',
        'aws_iam_role_policy.everything_in_dynamodb',
        'data.aws_iam_policy_document.too_broad',
      ].map(address => ({
        rule: 'no-wildcard-iam',
        file: 'modules/worker/iam.tf',
        address,
      })),
    );
    expect(findings.map(finding => finding.message)).toEqual([
      'statement 1 allows wildcard action "*" and resource "*"',
      'statement 1 allows resource "*"',
      'statement 1 allows wildcard action "ec2:*"',
      'statement 1 allows wildcard action "dynamodb:*"',
      'statement 2 allows wildcard action "s3:*" and resource "*"',
    ]);
  });
});
