provider "aws" {
  region = ${{ values.awsRegion | hcl }}

  default_tags {
    tags = {
      Team        = ${{ values.ownerName | hcl }}
      Service     = ${{ (values.name ~ '-example') | hcl }}
      Environment = "dev"
      CostCenter  = ${{ values.costCenter | hcl }}
      ManagedBy   = "terraform"
    }
  }
}

module "bucket" {
  source = "../.."

  name        = ${{ (values.name ~ '-example') | hcl }}
  environment = "dev"
}

output "bucket_arn" {
  description = "ARN of the example bucket."
  value       = module.bucket.bucket_arn
}
