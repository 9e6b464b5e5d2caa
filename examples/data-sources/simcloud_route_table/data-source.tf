variable "subnet_id" { type = string }

variable "vpc_id" { type = string }

# The table that serves a subnet: its explicit association's, else the
# VPC's main table.
data "simcloud_route_table" "for_subnet" {
  subnet_id = var.subnet_id
}

# The main table of a VPC.
data "simcloud_route_table" "main" {
  vpc_id = var.vpc_id
  main   = true
}

# Every route, local ones included, with its state as it is now.
output "subnet_routes" {
  value = sort([for r in data.simcloud_route_table.for_subnet.routes : "${coalesce(r.cidr_block, r.ipv6_cidr_block)} -> ${coalesce(r.gateway_id, r.egress_only_gateway_id, r.nat_gateway_id)} (${r.state})"])
}

output "main_route_table_id" {
  value = data.simcloud_route_table.main.id
}

# By a filter block of DescribeRouteTables: the table of the VPC with a
# route to an internet gateway.
data "simcloud_route_table" "to_internet" {
  vpc_id = var.vpc_id

  filter {
    name   = "route.gateway-id"
    values = ["igw-*"]
  }
}
