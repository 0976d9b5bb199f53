# IAM role for service accounts (IRSA): only the service's own Kubernetes service account,
# presenting a token issued for STS, can assume it.

data "aws_iam_policy_document" "service_account_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.kubernetes_namespace}:${var.name}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "service" {
  name                 = local.resource_name
  description          = "Assumed by the ${var.name} service account in ${var.kubernetes_namespace} (${var.environment})"
  assume_role_policy   = data.aws_iam_policy_document.service_account_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "read_own_secrets" {
  statement {
    sid    = "ReadOwnSecrets"
    effect = "Allow"
    actions = [
      "secretsmanager:DescribeSecret",
      "secretsmanager:GetSecretValue",
    ]
    resources = [
      "arn:${data.aws_partition.current.partition}:secretsmanager:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:secret:${var.environment}/${var.name}/*",
    ]
  }
}

resource "aws_iam_role_policy" "read_own_secrets" {
  name   = "read-own-secrets"
  role   = aws_iam_role.service.id
  policy = data.aws_iam_policy_document.read_own_secrets.json
}

data "aws_iam_policy_document" "connect_to_database" {
  count = var.database_enabled ? 1 : 0

  statement {
    sid       = "ConnectAsOwnDatabaseUser"
    effect    = "Allow"
    actions   = ["rds-db:connect"]
    resources = ["arn:${data.aws_partition.current.partition}:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_db_instance.service[0].resource_id}/${local.database_user}"]
  }
}

resource "aws_iam_role_policy" "connect_to_database" {
  count = var.database_enabled ? 1 : 0

  name   = "connect-to-database"
  role   = aws_iam_role.service.id
  policy = data.aws_iam_policy_document.connect_to_database[0].json
}
