output "service_account_role_arn" {
  description = "Role for the eks.amazonaws.com/role-arn annotation of the service's Kubernetes service account."
  value       = aws_iam_role.service.arn
}

output "image_repository_url" {
  description = "URL of the ECR repository, or null when another environment creates it."
  value       = one(aws_ecr_repository.service[*].repository_url)
}

output "database_endpoint" {
  description = "host:port of the PostgreSQL instance, or null without a database."
  value       = one(aws_db_instance.service[*].endpoint)
}

output "database_name" {
  description = "Name of the service's database, or null without a database."
  value       = var.database_enabled ? local.database_name : null
}

output "database_user" {
  description = "PostgreSQL user the service connects as with IAM authentication (it needs GRANT rds_iam), or null without a database."
  value       = var.database_enabled ? local.database_user : null
}

output "database_master_user_secret_arn" {
  description = "Secrets Manager secret RDS manages for the master user, or null without a database."
  value       = var.database_enabled ? aws_db_instance.service[0].master_user_secret[0].secret_arn : null
}
