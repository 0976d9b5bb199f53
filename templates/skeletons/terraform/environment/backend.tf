terraform {
  backend "s3" {
    bucket         = "${{ values.stateBucket }}"
    key            = "${{ values.name }}/${{ values.environment }}/terraform.tfstate"
    region         = "${{ values.awsRegion }}"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}
