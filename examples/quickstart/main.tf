# The quick start: one VPC in the simulated cloud. `make demo` applies it
# against the default cloud (~/.local/share/simcloud/cloud.db).

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {
  default_tags {
    tags = {
      Project = "simcloud-quickstart"
    }
  }
}

resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "quickstart"
  }
}

# The VPC's door to the internet. A VPC takes one; try adding a second and
# run terraform plan to see the simulated cloud refuse it, as AWS would.
resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id

  tags = {
    Name = "quickstart"
  }
}

# A subnet is public when the route table that serves it sends traffic to
# the internet gateway. This one gets such a table; the other stays on the
# VPC's main table, which keeps traffic inside the VPC.
resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true

  tags = {
    Name = "public"
  }
}

resource "simcloud_subnet" "private" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.2.0/24"

  tags = {
    Name = "private"
  }
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}

# Data sources read the cloud as it is now. These are read after the routing
# above is in place, so they report what it makes of each subnet.
data "simcloud_subnet" "public" {
  id         = simcloud_subnet.public.id
  depends_on = [simcloud_route_table_association.public]
}

data "simcloud_subnet" "private" {
  id         = simcloud_subnet.private.id
  depends_on = [simcloud_route_table_association.public]
}

output "public_subnet_is_public" {
  value = data.simcloud_subnet.public.is_public
}

output "private_subnet_is_public" {
  value = data.simcloud_subnet.private.is_public
}

# The VPC created above, looked up by ID.
data "simcloud_vpc" "main" {
  id = simcloud_vpc.main.id
}

output "vpc_id" {
  value = simcloud_vpc.main.id
}

output "internet_gateway_id" {
  value = simcloud_internet_gateway.main.id
}

output "vpc_arn" {
  value = simcloud_vpc.main.arn
}

output "ipv6_cidr_block" {
  value = simcloud_vpc.main.ipv6_cidr_block
}

output "main_route_table_id" {
  description = "Every VPC comes with a main route table holding its local routes."
  value       = data.simcloud_vpc.main.main_route_table_id
}

output "tags_all" {
  description = "The VPC's own tags merged with the provider's default tags."
  value       = simcloud_vpc.main.tags_all
}
