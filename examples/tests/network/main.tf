# A small module of the kind a module author would test with simcloud: a VPC
# with one public and one private subnet. tests/*.tftest.hcl run it with
# `terraform test` against the simulated cloud; see the guide "Testing
# modules with simcloud" (docs/guides/testing-modules.md).

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

resource "simcloud_vpc" "this" {
  cidr_block = var.cidr_block

  tags = {
    Name = var.name
  }
}

resource "simcloud_internet_gateway" "this" {
  vpc_id = simcloud_vpc.this.id
}

# Off by default. The tests turn it on to show that the cloud refuses a
# second internet gateway for one VPC, at plan, as AWS does at apply.
resource "simcloud_internet_gateway" "second" {
  count = var.second_internet_gateway ? 1 : 0

  vpc_id = simcloud_vpc.this.id

  # terraform test can only expect failures of custom conditions, not errors
  # from a provider, so the module states the rule the cloud enforces as a
  # precondition. The cloud's own refusal stays behind it as the backstop.
  lifecycle {
    precondition {
      condition     = !var.second_internet_gateway
      error_message = "A VPC has at most one internet gateway, and this module already attaches one (the cloud would refuse a second with InvalidParameterValue)."
    }
  }
}

resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr_block, 8, 0)
  map_public_ip_on_launch = true

  tags = {
    Name = "${var.name}-public"
  }
}

resource "simcloud_subnet" "private" {
  vpc_id     = simcloud_vpc.this.id
  cidr_block = cidrsubnet(var.cidr_block, 8, 1)

  tags = {
    Name = "${var.name}-private"
  }
}

locals {
  # Two IPv4 blocks overlap when both cut down to the shorter one's prefix
  # length give the same network.
  module_subnets = {
    public  = cidrsubnet(var.cidr_block, 8, 0)
    private = cidrsubnet(var.cidr_block, 8, 1)
  }
  overlapping_extra_subnets = {
    for name, block in var.extra_subnets : name => [
      for other, taken in merge(local.module_subnets, { for n, b in var.extra_subnets : n => b if n != name }) : other
      if cidrhost("${cidrhost(block, 0)}/${min(tonumber(split("/", block)[1]), tonumber(split("/", taken)[1]))}", 0)
      == cidrhost("${cidrhost(taken, 0)}/${min(tonumber(split("/", block)[1]), tonumber(split("/", taken)[1]))}", 0)
    ]
  }
}

# Extra subnets the caller asks for, such as one for a new team.
resource "simcloud_subnet" "extra" {
  for_each = var.extra_subnets

  vpc_id     = simcloud_vpc.this.id
  cidr_block = each.value

  tags = {
    Name = "${var.name}-${each.key}"
  }

  # The same rule as the cloud's InvalidSubnet.Conflict, as a custom
  # condition that terraform test's expect_failures can see.
  lifecycle {
    precondition {
      condition     = length(local.overlapping_extra_subnets[each.key]) == 0
      error_message = "Subnet ${each.key} (${each.value}) overlaps ${join(", ", local.overlapping_extra_subnets[each.key])}: subnets of one VPC may not overlap."
    }
  }
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.this.id
  }
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}

# Read after the routing is in place: what the cloud makes of each subnet
# now. (is_public on the subnet resources is as of their last refresh, which
# in a test's first run is before the route table existed.)
data "simcloud_subnet" "public" {
  id         = simcloud_subnet.public.id
  depends_on = [simcloud_route_table_association.public]
}

data "simcloud_subnet" "private" {
  id         = simcloud_subnet.private.id
  depends_on = [simcloud_route_table_association.public]
}
