# Database, ElastiCache and Redshift subnets with their subnet groups, as
# terraform-aws-modules/vpc makes them (region left to the provider): a list
# of blocks for each kind of subnet, one subnet per block and zone.

variable "region" {
  type    = string
  default = null
}

locals {
  name  = "complete"
  zones = ["us-east-1a", "us-east-1b"]

  database_subnets    = ["10.5.21.0/24", "10.5.22.0/24"]
  elasticache_subnets = ["10.5.31.0/24", "10.5.32.0/24"]
  redshift_subnets    = ["10.5.41.0/24", "10.5.42.0/24"]
}

resource "aws_vpc" "main" {
  cidr_block = "10.5.0.0/16"
}

resource "aws_subnet" "database" {
  count = length(local.database_subnets)

  vpc_id            = aws_vpc.main.id
  cidr_block        = local.database_subnets[count.index]
  availability_zone = element(local.zones, count.index)
}

resource "aws_subnet" "elasticache" {
  count = length(local.elasticache_subnets)

  vpc_id            = aws_vpc.main.id
  cidr_block        = local.elasticache_subnets[count.index]
  availability_zone = element(local.zones, count.index)
}

resource "aws_subnet" "redshift" {
  count = length(local.redshift_subnets)

  vpc_id            = aws_vpc.main.id
  cidr_block        = local.redshift_subnets[count.index]
  availability_zone = element(local.zones, count.index)
}

resource "aws_db_subnet_group" "database" {
  region = var.region

  name        = lower(local.name)
  description = "Database subnet group for ${local.name}"
  subnet_ids  = aws_subnet.database[*].id

  tags = {
    "Name" = lower(local.name)
  }
}

resource "aws_elasticache_subnet_group" "elasticache" {
  region = var.region

  name        = local.name
  description = "ElastiCache subnet group for ${local.name}"
  subnet_ids  = aws_subnet.elasticache[*].id

  tags = {
    "Name" = local.name
  }
}

resource "aws_redshift_subnet_group" "redshift" {
  region = var.region

  name        = lower(local.name)
  description = "Redshift subnet group for ${local.name}"
  subnet_ids  = aws_subnet.redshift[*].id

  tags = {
    "Name" = local.name
  }
}
