# The service's own PostgreSQL: encrypted, private, reachable on 5432 only from the
# service's security group, with IAM authentication for the service's role.

resource "aws_security_group" "database" {
  count = var.database_enabled ? 1 : 0

  name        = "${local.resource_name}-database"
  description = "PostgreSQL of ${var.name} (${var.environment}), reachable only from the service"
  vpc_id      = var.vpc_id

  lifecycle {
    precondition {
      condition     = var.vpc_id != null && length(var.database_subnet_ids) >= 2 && var.database_client_security_group_id != null
      error_message = "database_enabled needs vpc_id, at least two database_subnet_ids and database_client_security_group_id."
    }
  }
}

resource "aws_vpc_security_group_ingress_rule" "database_from_service" {
  count = var.database_enabled ? 1 : 0

  security_group_id            = aws_security_group.database[0].id
  description                  = "PostgreSQL from ${var.name}"
  referenced_security_group_id = var.database_client_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_db_subnet_group" "database" {
  count = var.database_enabled ? 1 : 0

  name        = "${local.resource_name}-database"
  description = "Private subnets of the ${var.name} (${var.environment}) database"
  subnet_ids  = var.database_subnet_ids
}

resource "aws_db_instance" "service" {
  count = var.database_enabled ? 1 : 0

  identifier     = local.resource_name
  engine         = "postgres"
  engine_version = "16"
  instance_class = var.database_instance_class

  allocated_storage     = var.database_allocated_storage
  max_allocated_storage = var.database_max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  db_name                             = local.database_name
  username                            = "service_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true

  db_subnet_group_name   = aws_db_subnet_group.database[0].name
  vpc_security_group_ids = [aws_security_group.database[0].id]
  publicly_accessible    = false
  multi_az               = var.database_multi_az

  backup_retention_period    = var.database_backup_retention_days
  copy_tags_to_snapshot      = true
  deletion_protection        = var.deletion_protection
  skip_final_snapshot        = false
  final_snapshot_identifier  = "${local.resource_name}-final"
  auto_minor_version_upgrade = true

  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
