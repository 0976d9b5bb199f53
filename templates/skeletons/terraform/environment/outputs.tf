output "service_account_role_arn" {
  description = "Annotate the Kubernetes service account with eks.amazonaws.com/role-arn set to this."
  value       = module.service.service_account_role_arn
}

output "image_repository_url" {
  description = "URL of the service's ECR repository in this environment's account."
  value       = module.service.image_repository_url
}

output "database_endpoint" {
  description = "host:port of the service's PostgreSQL, or null without a database."
  value       = module.service.database_endpoint
}

output "database_name" {
  description = "Name of the service's database, or null without a database."
  value       = module.service.database_name
}

output "database_user" {
  description = "PostgreSQL user the service connects as with IAM authentication, or null without a database."
  value       = module.service.database_user
}
