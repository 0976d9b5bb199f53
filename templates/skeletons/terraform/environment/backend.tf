terraform {
  backend "s3" {
    bucket         = ${{ values.stateBucket | hcl }}
    key            = ${{ (values.name ~ '/' ~ values.environment ~ '/terraform.tfstate') | hcl }}
    region         = ${{ values.awsRegion | hcl }}
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}
