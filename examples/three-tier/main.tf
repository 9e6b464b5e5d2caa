# A three-tier network, as taught in the guide "NAT: reaching out without
# letting in" (docs/guides/nat-and-reachability.md):
#
#   public  subnets: routed to the internet gateway, IPv4 and IPv6, both ways;
#   app     subnets: out through a NAT gateway (IPv4) and an egress-only
#                    internet gateway (IPv6), nothing in;
#   data    subnet:  local routes only, no internet either way.

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {}

locals {
  # Each zone gets a public and an app subnet; the number picks their
  # address blocks. The zones are us-east-1's, the provider's default region.
  zones = {
    "us-east-1a" = 0
    "us-east-1b" = 1
  }
}

resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "three-tier"
  }
}

# The VPC's door to the internet, both ways.
resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

# IPv6's way out with no way in.
resource "simcloud_egress_only_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

# ---------------------------------------------------------------- public tier

resource "simcloud_subnet" "public" {
  for_each = local.zones

  vpc_id                  = simcloud_vpc.main.id
  availability_zone       = each.key
  cidr_block              = cidrsubnet(simcloud_vpc.main.cidr_block, 8, each.value)
  ipv6_cidr_block         = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, each.value)
  map_public_ip_on_launch = true

  tags = {
    Name = "public-${each.key}"
  }
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }

  route {
    ipv6_cidr_block = "::/0"
    gateway_id      = simcloud_internet_gateway.main.id
  }

  tags = {
    Name = "public"
  }
}

resource "simcloud_route_table_association" "public" {
  for_each = local.zones

  subnet_id      = simcloud_subnet.public[each.key].id
  route_table_id = simcloud_route_table.public.id
}

# One NAT gateway per zone, each in that zone's public subnet, with an
# elastic IP address of its own.
resource "simcloud_eip" "nat" {
  for_each = local.zones

  domain = "vpc"

  tags = {
    Name = "nat-${each.key}"
  }
}

resource "simcloud_nat_gateway" "main" {
  for_each = local.zones

  subnet_id     = simcloud_subnet.public[each.key].id
  allocation_id = simcloud_eip.nat[each.key].id

  tags = {
    Name = "nat-${each.key}"
  }

  depends_on = [simcloud_internet_gateway.main]
}

# ------------------------------------------------------------------- app tier

resource "simcloud_subnet" "app" {
  for_each = local.zones

  vpc_id            = simcloud_vpc.main.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(simcloud_vpc.main.cidr_block, 8, 10 + each.value)
  ipv6_cidr_block   = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 10 + each.value)

  tags = {
    Name = "app-${each.key}"
  }
}

# One table per zone, so that each zone's app subnet leaves through its own
# zone's NAT gateway.
resource "simcloud_route_table" "app" {
  for_each = local.zones

  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = simcloud_nat_gateway.main[each.key].id
  }

  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id
  }

  tags = {
    Name = "app-${each.key}"
  }
}

resource "simcloud_route_table_association" "app" {
  for_each = local.zones

  subnet_id      = simcloud_subnet.app[each.key].id
  route_table_id = simcloud_route_table.app[each.key].id
}

# ------------------------------------------------------------------ data tier

resource "simcloud_subnet" "data" {
  vpc_id            = simcloud_vpc.main.id
  availability_zone = "us-east-1a"
  cidr_block        = cidrsubnet(simcloud_vpc.main.cidr_block, 8, 20)
  ipv6_cidr_block   = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 20)

  tags = {
    Name = "data"
  }
}

# route = [] keeps only the local routes, and removes any route added later
# outside Terraform.
resource "simcloud_route_table" "data" {
  vpc_id = simcloud_vpc.main.id
  route  = []

  tags = {
    Name = "data"
  }
}

resource "simcloud_route_table_association" "data" {
  subnet_id      = simcloud_subnet.data.id
  route_table_id = simcloud_route_table.data.id
}

# --------------------------------------------------------------- what it does

# Data sources read the cloud as it is now. These wait for the routing above,
# so they report what it makes of each subnet. (internet_access on the
# simcloud_subnet resources is as of their last refresh: right after the
# first apply it still says false everywhere.)
data "simcloud_subnet" "public" {
  for_each = local.zones

  id         = simcloud_subnet.public[each.key].id
  depends_on = [simcloud_route_table_association.public, simcloud_route_table_association.app, simcloud_route_table_association.data]
}

data "simcloud_subnet" "app" {
  for_each = local.zones

  id         = simcloud_subnet.app[each.key].id
  depends_on = [simcloud_route_table_association.public, simcloud_route_table_association.app, simcloud_route_table_association.data]
}

data "simcloud_subnet" "data" {
  id         = simcloud_subnet.data.id
  depends_on = [simcloud_route_table_association.public, simcloud_route_table_association.app, simcloud_route_table_association.data]
}

# The way out of one app subnet, hop by hop.
data "simcloud_network_path" "app_outbound_ipv4" {
  subnet_id  = simcloud_subnet.app["us-east-1a"].id
  direction  = "outbound"
  ip_version = "ipv4"
  depends_on = [simcloud_route_table_association.public, simcloud_route_table_association.app, simcloud_route_table_association.data]
}

output "public_internet_access" {
  value = { for zone, s in data.simcloud_subnet.public : zone => s.internet_access }
}

output "app_internet_access" {
  value = { for zone, s in data.simcloud_subnet.app : zone => s.internet_access }
}

output "data_internet_access" {
  value = data.simcloud_subnet.data.internet_access
}

output "app_outbound_ipv4_hops" {
  value = [for h in data.simcloud_network_path.app_outbound_ipv4.hops : trimspace("${h.kind} ${h.id}")]
}

# The addresses the internet sees for connections from the app tier.
output "nat_public_ips" {
  value = { for zone, n in simcloud_nat_gateway.main : zone => n.public_ip }
}
