# One VPC, two working folders: the network team's configuration. It makes
# the VPC, its internet gateway and a public subnet, and hands over their
# IDs. ../app, a configuration of its own with its own state, finds the VPC
# through data sources and adds its subnets. Both must use the same cloud:
# the same database path or SIMCLOUD_DATABASE, account and region.
# Apply this one first and destroy it last.

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {}

resource "simcloud_vpc" "shared" {
  cidr_block = "10.20.0.0/16"

  tags = {
    Name = "shared"
  }
}

resource "simcloud_internet_gateway" "shared" {
  vpc_id = simcloud_vpc.shared.id

  tags = {
    Name = "shared"
  }
}

resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.shared.id
  cidr_block              = "10.20.0.0/24"
  map_public_ip_on_launch = true

  tags = {
    Name = "shared-public"
  }
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.shared.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.shared.id
  }

  tags = {
    Name = "shared-public"
  }
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}

output "vpc_id" {
  value = simcloud_vpc.shared.id
}

output "internet_gateway_id" {
  value = simcloud_internet_gateway.shared.id
}

output "public_subnet_id" {
  value = simcloud_subnet.public.id
}

output "public_route_table_id" {
  value = simcloud_route_table.public.id
}
