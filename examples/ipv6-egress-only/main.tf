# IPv6 with an egress-only internet gateway, as taught in the guide
# "IPv6 and the egress-only internet gateway"
# (docs/guides/ipv6-egress-only.md).
#
# Every IPv6 address is public, so routing ::/0 to the internet gateway
# would let the internet open connections to the instances. The
# egress-only gateway lets them call out and take the replies, and nothing
# else in.

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {}

resource "simcloud_vpc" "main" {
  cidr_block                       = "10.1.0.0/16"
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "ipv6-egress-only"
  }
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_egress_only_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id

  tags = {
    Name = "ipv6-egress-only"
  }
}

# A dual-stack public subnet: IPv4 and IPv6 both ways through the internet
# gateway.
resource "simcloud_subnet" "public" {
  vpc_id                          = simcloud_vpc.main.id
  cidr_block                      = cidrsubnet(simcloud_vpc.main.cidr_block, 8, 0)
  ipv6_cidr_block                 = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 0)
  map_public_ip_on_launch         = true
  assign_ipv6_address_on_creation = true

  tags = {
    Name = "public"
  }
}

# A dual-stack private subnet: no IPv4 internet at all, IPv6 out only.
resource "simcloud_subnet" "egress_only" {
  vpc_id                          = simcloud_vpc.main.id
  cidr_block                      = cidrsubnet(simcloud_vpc.main.cidr_block, 8, 1)
  ipv6_cidr_block                 = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = true

  tags = {
    Name = "egress-only"
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

resource "simcloud_route_table" "egress_only" {
  vpc_id = simcloud_vpc.main.id

  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id
  }

  tags = {
    Name = "egress-only"
  }
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}

resource "simcloud_route_table_association" "egress_only" {
  subnet_id      = simcloud_subnet.egress_only.id
  route_table_id = simcloud_route_table.egress_only.id
}

# What the routing above makes of each subnet, read once it is in place.
data "simcloud_subnet" "this" {
  for_each = { public = simcloud_subnet.public.id, egress_only = simcloud_subnet.egress_only.id }

  id         = each.value
  depends_on = [simcloud_route_table_association.public, simcloud_route_table_association.egress_only]
}

# Why nothing gets in over IPv6, hop by hop.
data "simcloud_network_path" "egress_only_inbound_ipv6" {
  subnet_id  = simcloud_subnet.egress_only.id
  direction  = "inbound"
  ip_version = "ipv6"
  depends_on = [simcloud_route_table_association.public, simcloud_route_table_association.egress_only]
}

output "vpc_ipv6_cidr_block" {
  value = simcloud_vpc.main.ipv6_cidr_block
}

output "public_internet_access" {
  value = data.simcloud_subnet.this["public"].internet_access
}

output "egress_only_internet_access" {
  value = data.simcloud_subnet.this["egress_only"].internet_access
}

output "egress_only_inbound_ipv6_reachable" {
  value = data.simcloud_network_path.egress_only_inbound_ipv6.reachable
}

output "egress_only_inbound_ipv6_breaks_at" {
  value = data.simcloud_network_path.egress_only_inbound_ipv6.breaks_at
}
