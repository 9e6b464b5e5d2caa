variable "vpc_id" { type = string }

# The active peering connection of which a VPC is the accepter, made by
# another configuration (or account): its ID is what a route's
# vpc_peering_connection_id takes.
data "simcloud_vpc_peering_connection" "to_shared" {
  peer_vpc_id = var.vpc_id
  status      = "active"
}

output "peering" {
  value = {
    id            = data.simcloud_vpc_peering_connection.to_shared.id
    requester_vpc = data.simcloud_vpc_peering_connection.to_shared.vpc_id
    owner_id      = data.simcloud_vpc_peering_connection.to_shared.owner_id
  }
}

# The same with filter blocks of DescribeVpcPeeringConnections.
data "simcloud_vpc_peering_connection" "by_filter" {
  filter {
    name   = "accepter-vpc-info.vpc-id"
    values = [var.vpc_id]
  }
  filter {
    name   = "status-code"
    values = ["active"]
  }
}
