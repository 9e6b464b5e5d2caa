# The options of an active connection, managed apart from the connection.
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
}

resource "simcloud_vpc_peering_connection_options" "app_shared" {
  vpc_peering_connection_id = simcloud_vpc_peering_connection.app_shared.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}
