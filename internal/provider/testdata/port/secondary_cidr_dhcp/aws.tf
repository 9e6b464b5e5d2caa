# Shaped as terraform-aws-modules/vpc makes a VPC with secondary blocks and a
# DHCP options set: the subnets name the VPC through the first association,
# and the options the module leaves unset are "" and [].

resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc_ipv4_cidr_block_association" "this" {
  count = 2

  vpc_id     = aws_vpc.this.id
  cidr_block = element(["10.1.0.0/16", "10.2.0.0/16"], count.index)
}

locals {
  vpc_id = try(aws_vpc_ipv4_cidr_block_association.this[0].vpc_id, aws_vpc.this.id, "")
}

resource "aws_subnet" "private" {
  count = 2

  vpc_id     = local.vpc_id
  cidr_block = element(["10.0.1.0/24", "10.1.2.0/24"], count.index)
}

resource "aws_vpc_dhcp_options" "this" {
  domain_name                       = "service.consul"
  domain_name_servers               = ["127.0.0.1", "10.10.0.2"]
  ntp_servers                       = []
  netbios_name_servers              = []
  netbios_node_type                 = ""
  ipv6_address_preferred_lease_time = null

  tags = {
    Name = "secondary-cidr"
  }
}

resource "aws_vpc_dhcp_options_association" "this" {
  vpc_id          = local.vpc_id
  dhcp_options_id = aws_vpc_dhcp_options.this.id
}
