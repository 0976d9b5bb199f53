provider "aws" {
  region              = ${{ values.awsRegion | hcl }}
  allowed_account_ids = [${{ values.awsAccountId | hcl }}]

  default_tags {
    tags = {
      Team        = ${{ values.ownerName | hcl }}
      Service     = ${{ values.name | hcl }}
      Environment = ${{ values.environment | hcl }}
      CostCenter  = ${{ values.costCenter | hcl }}
      Tier        = ${{ values.tier | hcl }}
      Repository  = ${{ values.githubSlug | hcl }}
      ManagedBy   = "terraform"
    }
  }
}
