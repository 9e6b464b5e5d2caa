# Public and private subnets in two availability zones, as taught in the
# guide "Public and private subnets" (docs/guides/public-and-private-subnets.md).
#
# A subnet is public because of its route table, not because of a flag:
# the public table sends 0.0.0.0/0 to the internet gateway, the private
# subnets stay on the VPC's main table, which only knows the VPC itself.

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {}

locals {
  zones = ["us-east-1a", "us-east-1b"]
}

resource "simcloud_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true

  tags = {
    Name = "public-private"
  }
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id

  tags = {
    Name = "public-private"
  }
}

resource "simcloud_subnet" "public" {
  count = length(local.zones)

  vpc_id                  = simcloud_vpc.main.id
  availability_zone       = local.zones[count.index]
  cidr_block              = cidrsubnet(simcloud_vpc.main.cidr_block, 8, count.index)
  map_public_ip_on_launch = true

  tags = {
    Name = "public-${local.zones[count.index]}"
    Tier = "public"
  }
}

resource "simcloud_subnet" "private" {
  count = length(local.zones)

  vpc_id            = simcloud_vpc.main.id
  availability_zone = local.zones[count.index]
  cidr_block        = cidrsubnet(simcloud_vpc.main.cidr_block, 8, 10 + count.index)

  tags = {
    Name = "private-${local.zones[count.index]}"
    Tier = "private"
  }
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }

  tags = {
    Name = "public"
  }
}

resource "simcloud_route_table_association" "public" {
  count = length(local.zones)

  subnet_id      = simcloud_subnet.public[count.index].id
  route_table_id = simcloud_route_table.public.id
}

# The private subnets have no association: the VPC's main table serves them,
# and it holds only the local route. Nothing routes them to the internet.

# Read after the routing is in place, so these say what it makes of each
# subnet now; is_public on the resources is as of their last refresh.
data "simcloud_subnet" "public" {
  count = length(local.zones)

  id         = simcloud_subnet.public[count.index].id
  depends_on = [simcloud_route_table_association.public]
}

data "simcloud_subnet" "private" {
  count = length(local.zones)

  id         = simcloud_subnet.private[count.index].id
  depends_on = [simcloud_route_table_association.public]
}

output "vpc_id" {
  value = simcloud_vpc.main.id
}

output "public_subnets_are_public" {
  value = [for s in data.simcloud_subnet.public : s.is_public]
}

output "private_subnets_are_public" {
  value = [for s in data.simcloud_subnet.private : s.is_public]
}

output "public_ipv4_outbound_reason" {
  value = data.simcloud_subnet.public[0].internet_access.ipv4_outbound_reason
}

output "private_ipv4_outbound_reason" {
  value = data.simcloud_subnet.private[0].internet_access.ipv4_outbound_reason
}

# The private subnets are served by the main table, the public ones by theirs.
output "private_subnets_use_main_table" {
  value = alltrue([for s in data.simcloud_subnet.private : s.effective_route_table_id == simcloud_vpc.main.main_route_table_id])
}
