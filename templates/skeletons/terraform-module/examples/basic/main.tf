provider "aws" {
  region = "${{ values.awsRegion }}"

  default_tags {
    tags = {
      Team        = "${{ values.ownerName }}"
      Service     = "${{ values.name }}-example"
      Environment = "dev"
      CostCenter  = "${{ values.costCenter }}"
      ManagedBy   = "terraform"
    }
  }
}

module "bucket" {
  source = "../.."

  name        = "${{ values.name }}-example"
  environment = "dev"
}

output "bucket_arn" {
  description = "ARN of the example bucket."
  value       = module.bucket.bucket_arn
}
