# The data sources terraform-aws-modules/vpc and its examples read, and the
# listings a configuration built on it reads back, as written for AWS.

data "aws_availability_zones" "available" {
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "port-data-sources" }
}

resource "aws_subnet" "private" {
  count             = length(local.azs)
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, count.index)
  availability_zone = local.azs[count.index]
  tags              = { Tier = "private" }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "private" {
  count          = length(local.azs)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

data "aws_vpcs" "named" {
  filter {
    name   = "tag:Name"
    values = ["port-data-sources"]
  }
  depends_on = [aws_vpc.this]
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [aws_vpc.this.id]
  }
  tags       = { Tier = "private" }
  depends_on = [aws_subnet.private]
}

data "aws_route_tables" "private" {
  vpc_id = aws_vpc.this.id
  filter {
    name   = "association.subnet-id"
    values = aws_subnet.private[*].id
  }
  depends_on = [aws_route_table_association.private]
}

data "aws_network_acls" "default" {
  vpc_id = aws_vpc.this.id
  filter {
    name   = "default"
    values = ["true"]
  }
}

output "azs" {
  value = local.azs
}

output "vpc_arn_matches" {
  value = aws_vpc.this.arn == "arn:${data.aws_partition.current.partition}:ec2:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:vpc/${aws_vpc.this.id}"
}

output "listed_vpc" {
  value = one(data.aws_vpcs.named.ids) == aws_vpc.this.id
}

output "listed_subnets" {
  value = sort(data.aws_subnets.private.ids) == sort(aws_subnet.private[*].id)
}

output "listed_route_table" {
  value = one(data.aws_route_tables.private.ids) == aws_route_table.private.id
}

output "listed_default_acl" {
  value = one(data.aws_network_acls.default.ids) == aws_vpc.this.default_network_acl_id
}
