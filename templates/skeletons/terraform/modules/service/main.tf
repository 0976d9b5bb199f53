# One service in one environment: its image repository, the IAM role its Kubernetes
# service account assumes, and optionally its PostgreSQL database.

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_partition" "current" {}

locals {
  # Per-environment resources share one account, so their names carry the environment.
  resource_name = "${var.name}-${var.environment}"

  # The issuer host/path the cluster's tokens carry, e.g. oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE.
  oidc_issuer = element(split(":oidc-provider/", var.eks_oidc_provider_arn), 1)

  # PostgreSQL identifiers cannot contain hyphens.
  database_name = replace(var.name, "-", "_")
  database_user = replace(var.name, "-", "_")
}
