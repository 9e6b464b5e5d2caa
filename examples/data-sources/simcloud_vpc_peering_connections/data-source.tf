resource "simcloud_vpc" "hub" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_vpc" "spoke" {
  count      = 2
  cidr_block = "10.${count.index + 1}.0.0/16"
}

resource "simcloud_vpc_peering_connection" "hub_spoke" {
  count       = 2
  vpc_id      = simcloud_vpc.hub.id
  peer_vpc_id = simcloud_vpc.spoke[count.index].id
  auto_accept = true
  tags        = { Role = "hub" }
}

# The active connections that the hub requested.
data "simcloud_vpc_peering_connections" "hub" {
  filter {
    name   = "requester-vpc-info.vpc-id"
    values = [simcloud_vpc.hub.id]
  }
  filter {
    name   = "status-code"
    values = ["active"]
  }
  depends_on = [simcloud_vpc_peering_connection.hub_spoke]
}

output "hub_peering_count" {
  value = length(data.simcloud_vpc_peering_connections.hub.ids)
}
