variable "name" {
  type        = string
  description = "Bucket name: lowercase letters, digits and hyphens, 3 to 63 characters."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit."
  }
}

variable "environment" {
  type        = string
  description = "Environment the bucket belongs to: dev, staging or prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key for server-side encryption; null uses the AWS managed key for S3."
  default     = null
}

variable "noncurrent_version_retention_days" {
  type        = number
  description = "Days to keep overwritten or deleted object versions before they expire."
  default     = 30

  validation {
    condition     = var.noncurrent_version_retention_days >= 1
    error_message = "noncurrent_version_retention_days must be at least 1."
  }
}
