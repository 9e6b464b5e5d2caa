# Two VPCs of one account and region, peered and accepted at once, with a
# route each way through the connection. Their IPv4 blocks must not overlap.
resource "simcloud_vpc" "app" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_vpc" "shared" {
  cidr_block = "10.1.0.0/16"
}

resource "simcloud_vpc_peering_connection" "app_shared" {
  vpc_id      = simcloud_vpc.app.id
  peer_vpc_id = simcloud_vpc.shared.id
  auto_accept = true

  requester {
    allow_remote_vpc_dns_resolution = true
  }

  tags = {
    Name = "app-shared"
  }
}

# Peering is not transitive: each side routes the other's block, and only
# that, through the connection.
resource "simcloud_route" "app_to_shared" {
  route_table_id            = simcloud_vpc.app.main_route_table_id
  destination_cidr_block    = simcloud_vpc.shared.cidr_block
  vpc_peering_connection_id = simcloud_vpc_peering_connection.app_shared.id
}

resource "simcloud_route" "shared_to_app" {
  route_table_id            = simcloud_vpc.shared.main_route_table_id
  destination_cidr_block    = simcloud_vpc.app.cidr_block
  vpc_peering_connection_id = simcloud_vpc_peering_connection.app_shared.id
}
