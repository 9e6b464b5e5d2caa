resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}
resource "simcloud_internet_gateway" "main" { vpc_id = simcloud_vpc.main.id }
resource "simcloud_egress_only_internet_gateway" "main" { vpc_id = simcloud_vpc.main.id }

# No route blocks: this table's routes are managed by the simcloud_route
# resources below. Mixing the two on one table is refused.
resource "simcloud_route_table" "main" { vpc_id = simcloud_vpc.main.id }

resource "simcloud_route" "internet" {
  route_table_id         = simcloud_route_table.main.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = simcloud_internet_gateway.main.id
}

resource "simcloud_route" "internet_ipv6" {
  route_table_id              = simcloud_route_table.main.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = simcloud_egress_only_internet_gateway.main.id
}

# active, or blackhole once the gateway is detached or deleted (as of the
# last refresh).
output "internet_route_state" {
  value = simcloud_route.internet.state
}
