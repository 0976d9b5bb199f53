# Runs with `terraform test` and a mocked AWS provider: no credentials needed.
mock_provider "aws" {}

variables {
  name        = ${{ (values.name ~ '-test') | hcl }}
  environment = "prod"
}

run "encrypts_with_kms_and_blocks_public_access" {
  command = plan

  assert {
    # rule and apply_server_side_encryption_by_default are sets, which have no index.
    condition     = one(flatten([for rule in aws_s3_bucket_server_side_encryption_configuration.this.rule : [for default in rule.apply_server_side_encryption_by_default : default.sse_algorithm]])) == "aws:kms"
    error_message = "Objects must be encrypted with KMS."
  }

  assert {
    condition     = aws_s3_bucket_public_access_block.this.restrict_public_buckets
    error_message = "Public access must be blocked."
  }
}

run "keeps_prod_buckets_on_destroy" {
  command = plan

  assert {
    condition     = aws_s3_bucket.this.force_destroy == false
    error_message = "A prod bucket must not be force-destroyed."
  }
}

run "refuses_an_unknown_environment" {
  command = plan

  variables {
    environment = "qa"
  }

  expect_failures = [var.environment]
}
