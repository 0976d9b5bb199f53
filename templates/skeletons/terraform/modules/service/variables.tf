variable "name" {
  type        = string
  description = "Service name: also its Kubernetes service account, image repository and database name."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$", var.name))
    error_message = "name must be 3-40 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Environment this instance of the service runs in: one of dev, staging, prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "tier" {
  type        = string
  description = "Service tier: one of tier-1 (customer facing, an outage stops revenue), tier-2, tier-3."

  validation {
    condition     = contains(["tier-1", "tier-2", "tier-3"], var.tier)
    error_message = "tier must be one of tier-1, tier-2, tier-3."
  }
}

variable "kubernetes_namespace" {
  type        = string
  description = "Kubernetes namespace of the service account the workload runs as (the owning team's namespace)."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.kubernetes_namespace)) && length(var.kubernetes_namespace) <= 63
    error_message = "kubernetes_namespace must be a DNS label: lowercase letters, digits and hyphens, at most 63 characters."
  }
}

variable "eks_oidc_provider_arn" {
  type        = string
  description = "ARN of the IAM OIDC provider of the EKS cluster the service runs on, e.g. arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/.+$", var.eks_oidc_provider_arn))
    error_message = "eks_oidc_provider_arn must be an IAM OIDC provider ARN."
  }
}

variable "create_image_repository" {
  type        = bool
  description = "Whether this instance creates the service's ECR repository. All environments share one repository, so exactly one of them creates it."
  default     = true
}

variable "image_retention_count" {
  type        = number
  description = "How many tagged images the ECR repository keeps; older ones expire."
  default     = 50

  validation {
    condition     = var.image_retention_count >= 1 && floor(var.image_retention_count) == var.image_retention_count
    error_message = "image_retention_count must be a whole number of at least 1."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the image repository and the database; null uses the AWS-managed keys (aws/ecr, aws/rds)."
  default     = null
}

variable "database_enabled" {
  type        = bool
  description = "Whether the service gets its own encrypted PostgreSQL instance."
  default     = false
}

variable "vpc_id" {
  type        = string
  description = "VPC the database runs in. Required when database_enabled."
  default     = null
}

variable "database_subnet_ids" {
  type        = list(string)
  description = "Private subnets, in at least two availability zones, for the database subnet group. Required when database_enabled."
  default     = []
}

variable "database_client_security_group_id" {
  type        = string
  description = "Security group of the service's pods (or the cluster nodes they run on); the only source allowed to reach PostgreSQL. Required when database_enabled."
  default     = null
}

variable "database_instance_class" {
  type        = string
  description = "RDS instance class, e.g. db.t4g.micro."
  default     = "db.t4g.micro"

  validation {
    condition     = startswith(var.database_instance_class, "db.")
    error_message = "database_instance_class must be an RDS instance class such as db.t4g.micro."
  }
}

variable "database_allocated_storage" {
  type        = number
  description = "Initial storage in GiB."
  default     = 20

  validation {
    condition     = var.database_allocated_storage >= 20 && var.database_allocated_storage <= 65536
    error_message = "database_allocated_storage must be between 20 and 65536 GiB."
  }
}

variable "database_max_allocated_storage" {
  type        = number
  description = "Upper limit in GiB for storage autoscaling."
  default     = 100

  validation {
    condition     = var.database_max_allocated_storage >= 20 && var.database_max_allocated_storage <= 65536
    error_message = "database_max_allocated_storage must be between 20 and 65536 GiB."
  }
}

variable "database_multi_az" {
  type        = bool
  description = "Whether the database keeps a standby in a second availability zone."
  default     = false
}

variable "database_backup_retention_days" {
  type        = number
  description = "Days of automated backups (point-in-time recovery window)."
  default     = 7

  validation {
    condition     = var.database_backup_retention_days >= 1 && var.database_backup_retention_days <= 35
    error_message = "database_backup_retention_days must be between 1 and 35."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Whether the database refuses deletion. On unless a non-production root turns it off."
  default     = true
}
