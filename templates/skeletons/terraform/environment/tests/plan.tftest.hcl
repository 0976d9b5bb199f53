# `terraform test` runs this root against a mocked AWS provider: no credentials, no state,
# nothing created. Pull requests run it (they get no AWS credentials); the plan against the
# real account is made on main by the deploy job, just before it applies.
mock_provider "aws" {
  override_data {
    target = data.aws_ssm_parameter.eks_oidc_provider_arn
    values = {
      value = ${{ ('arn:aws:iam::' ~ values.awsAccountId ~ ':oidc-provider/oidc.eks.' ~ values.awsRegion ~ '.amazonaws.com/id/EXAMPLE') | hcl }}
    }
  }
{%- if values.database %}

  override_data {
    target = data.aws_ssm_parameter.vpc_id
    values = {
      value = "vpc-0123456789abcdef0"
    }
  }

  override_data {
    target = data.aws_ssm_parameter.database_subnet_ids
    values = {
      value = "subnet-0123456789abcdef0,subnet-0fedcba9876543210"
    }
  }

  override_data {
    target = data.aws_ssm_parameter.workload_security_group_id
    values = {
      value = "sg-0123456789abcdef0"
    }
  }

  # RDS manages the master password in Secrets Manager; the module outputs that secret.
  mock_resource "aws_db_instance" {
    defaults = {
      master_user_secret = [
        {
          kms_key_id    = "alias/aws/secretsmanager"
          secret_arn    = ${{ ('arn:aws:secretsmanager:' ~ values.awsRegion ~ ':' ~ values.awsAccountId ~ ':secret:rds!db-example') | hcl }}
          secret_status = "active"
        },
      ]
    }
  }
{%- endif %}

  # IAM checks that policies are JSON, so the mocked documents must be.
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = ${{ values.awsAccountId | hcl }}
    }
  }

  mock_data "aws_region" {
    defaults = {
      name = ${{ values.awsRegion | hcl }}
    }
  }
}

run "creates_the_service_in_this_environment" {
  command = apply

  assert {
    condition     = output.image_repository_url != null
    error_message = "Each environment's root creates the image repository in its own account."
  }

  assert {
{%- if values.database %}
    condition     = output.database_name == ${{ values.name | replace('-', '_') | hcl }}
    error_message = "The service gets its own database, named after it."
{%- else %}
    condition     = output.database_name == null
    error_message = "No database was asked for."
{%- endif %}
  }
}
