variable "platform_parameters_path" {
  type        = string
  description = "SSM Parameter Store path under which the platform team publishes this environment's EKS OIDC provider ARN and network ids."
  default     = ${{ ('/platform/' ~ values.environment) | hcl }}

  validation {
    condition     = can(regex("^/[A-Za-z0-9_./-]*[A-Za-z0-9_.-]$", var.platform_parameters_path))
    error_message = "platform_parameters_path must be an absolute SSM path without a trailing slash, e.g. /platform/prod."
  }
}
