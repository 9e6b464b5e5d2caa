# Database, ElastiCache and Redshift subnets with their subnet groups, as
# terraform-aws-modules/vpc makes them (region left to the provider).

variable "region" {
  type    = string
  default = null
}

locals {
  name  = "complete"
  zones = ["us-east-1a", "us-east-1b"]
}

resource "aws_vpc" "main" {
  cidr_block = "10.5.0.0/16"
}

resource "aws_subnet" "database" {
  count = 2

  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, 21 + count.index)
  availability_zone = local.zones[count.index]
}

resource "aws_subnet" "elasticache" {
  count = 2

  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, 31 + count.index)
  availability_zone = local.zones[count.index]
}

resource "aws_subnet" "redshift" {
  count = 2

  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, 41 + count.index)
  availability_zone = local.zones[count.index]
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
