# One VPC, two working folders: the application team's configuration. It
# manages no VPC of its own; it finds the one ../network manages by its
# tags, and adds an app subnet routed through the network team's public
# route table and a private data subnet. Terraform never plans a change to
# what it only reads, so the two configurations cannot undo each other's
# work, and the simulated cloud still checks the shared rules: a subnet
# here that overlapped one of ../network's would fail at plan with
# InvalidSubnet.Conflict.

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {}

data "simcloud_vpc" "shared" {
  tags = {
    Name = "shared"
  }
}

data "simcloud_internet_gateway" "shared" {
  vpc_id = data.simcloud_vpc.shared.id
}

data "simcloud_route_table" "public" {
  vpc_id = data.simcloud_vpc.shared.id
  tags = {
    Name = "shared-public"
  }
}

resource "simcloud_subnet" "app" {
  vpc_id                  = data.simcloud_vpc.shared.id
  cidr_block              = cidrsubnet(data.simcloud_vpc.shared.cidr_block, 8, 1)
  map_public_ip_on_launch = true

  tags = {
    Name = "app"
  }
}

resource "simcloud_route_table_association" "app" {
  subnet_id      = simcloud_subnet.app.id
  route_table_id = data.simcloud_route_table.public.id
}

# A table of the app team's own, with no route out: the data subnet stays
# private whatever the network team does with the main table.
resource "simcloud_route_table" "data" {
  vpc_id = data.simcloud_vpc.shared.id
  route  = []

  tags = {
    Name = "app-data"
  }
}

resource "simcloud_subnet" "data" {
  vpc_id     = data.simcloud_vpc.shared.id
  cidr_block = cidrsubnet(data.simcloud_vpc.shared.cidr_block, 8, 2)

  tags = {
    Name = "app-data"
  }
}

resource "simcloud_route_table_association" "data" {
  subnet_id      = simcloud_subnet.data.id
  route_table_id = simcloud_route_table.data.id
}

# What the routing above makes of each subnet, read once it is in place.
data "simcloud_subnet" "this" {
  for_each = { app = simcloud_subnet.app.id, data = simcloud_subnet.data.id }

  id         = each.value
  depends_on = [simcloud_route_table_association.app, simcloud_route_table_association.data]
}

output "vpc_id" {
  value = data.simcloud_vpc.shared.id
}

output "internet_gateway_id" {
  value = data.simcloud_internet_gateway.shared.id
}

output "app_subnet_is_public" {
  value = data.simcloud_subnet.this["app"].is_public
}

output "data_subnet_is_public" {
  value = data.simcloud_subnet.this["data"].is_public
}

output "app_ipv4_outbound_reason" {
  value = data.simcloud_subnet.this["app"].internet_access.ipv4_outbound_reason
}
