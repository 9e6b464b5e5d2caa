resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

resource "simcloud_vpn_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id
}

# The gateway's VPN routes go into the private table (none: the simulated
# cloud has no VPN connections, so the table only lists the gateway in
# propagating_vgws).
resource "simcloud_vpn_gateway_route_propagation" "private" {
  vpn_gateway_id = simcloud_vpn_gateway.main.id
  route_table_id = simcloud_route_table.private.id
}
