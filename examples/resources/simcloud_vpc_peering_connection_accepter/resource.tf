# A request and its acceptance. Across accounts (or regions), the accepter
# is configured with a provider of the peer VPC's account_id and region,
# usually in another configuration that is given the connection's ID; here
# both sides are one account and region, so that the example applies alone.
resource "simcloud_vpc" "requester" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_vpc" "accepter" {
  cidr_block = "10.1.0.0/16"
}

resource "simcloud_vpc_peering_connection" "request" {
  vpc_id      = simcloud_vpc.requester.id
  peer_vpc_id = simcloud_vpc.accepter.id

  tags = {
    Side = "requester"
  }
}

resource "simcloud_vpc_peering_connection_accepter" "accept" {
  vpc_peering_connection_id = simcloud_vpc_peering_connection.request.id
  auto_accept               = true

  accepter {
    allow_remote_vpc_dns_resolution = true
  }

  tags = {
    Side = "requester"
  }
}
