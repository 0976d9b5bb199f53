provider "aws" {
  region              = "${{ values.awsRegion }}"
  allowed_account_ids = ["${{ values.awsAccountId }}"]

  default_tags {
    tags = {
      Team        = "${{ values.ownerName }}"
      Service     = "${{ values.name }}"
      Environment = "${{ values.environment }}"
      CostCenter  = "${{ values.costCenter }}"
      Tier        = "${{ values.tier }}"
      Repository  = "${{ values.githubSlug }}"
      ManagedBy   = "terraform"
    }
  }
}
