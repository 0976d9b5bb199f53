# Facts about the shared platform in this environment, published by the platform team.
# They are ids, not secrets; main.tf reads them with nonsensitive() so plans stay readable.

data "aws_ssm_parameter" "eks_oidc_provider_arn" {
  name = "${var.platform_parameters_path}/eks/oidc-provider-arn"
}
{%- if values.database %}

data "aws_ssm_parameter" "vpc_id" {
  name = "${var.platform_parameters_path}/network/vpc-id"
}

# A StringList: comma-separated subnet ids.
data "aws_ssm_parameter" "database_subnet_ids" {
  name = "${var.platform_parameters_path}/network/database-subnet-ids"
}

data "aws_ssm_parameter" "workload_security_group_id" {
  name = "${var.platform_parameters_path}/eks/workload-security-group-id"
}
{%- endif %}
