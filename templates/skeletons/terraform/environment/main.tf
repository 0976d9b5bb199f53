module "service" {
  source = "../../modules/service"

  name                  = ${{ values.name | hcl }}
  environment           = ${{ values.environment | hcl }}
  tier                  = ${{ values.tier | hcl }}
  kubernetes_namespace  = ${{ values.ownerName | hcl }}
  eks_oidc_provider_arn = nonsensitive(data.aws_ssm_parameter.eks_oidc_provider_arn.value)

  # Each environment is its own AWS account, so each root creates its own image repository.
  create_image_repository = true

  database_enabled    = {% if values.database %}true{% else %}false{% endif %}
  deletion_protection = {% if values.environment == 'prod' %}true{% else %}false{% endif %}
{%- if values.database %}

  vpc_id                            = nonsensitive(data.aws_ssm_parameter.vpc_id.value)
  database_subnet_ids               = split(",", nonsensitive(data.aws_ssm_parameter.database_subnet_ids.value))
  database_client_security_group_id = nonsensitive(data.aws_ssm_parameter.workload_security_group_id.value)
{%- if values.environment == 'prod' %}

  database_instance_class        = "{% if values.tier == 'tier-1' %}db.m7g.large{% else %}db.t4g.medium{% endif %}"
  database_allocated_storage     = 50
  database_max_allocated_storage = 500
  database_multi_az              = true
  database_backup_retention_days = {% if values.tier == 'tier-1' %}35{% else %}14{% endif %}
{%- elif values.environment == 'staging' %}

  database_instance_class        = "db.t4g.small"
  database_allocated_storage     = 20
  database_max_allocated_storage = 100
  database_multi_az              = false
  database_backup_retention_days = 7
{%- else %}

  database_instance_class        = "db.t4g.micro"
  database_allocated_storage     = 20
  database_max_allocated_storage = 50
  database_multi_az              = false
  database_backup_retention_days = 1
{%- endif %}
{%- endif %}
}
