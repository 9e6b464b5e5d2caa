variable "subnet_id" { type = string }

# The NAT gateway that sits in a subnet. id, vpc_id or tags find it as well;
# exactly one gateway must match.
data "simcloud_nat_gateway" "public" {
  subnet_id = var.subnet_id
}

# What another configuration needs of it: the ID a route's nat_gateway_id
# takes, and the address the internet sees for connections through it.
output "nat_gateway" {
  value = {
    id                = data.simcloud_nat_gateway.public.id
    public_ip         = data.simcloud_nat_gateway.public.public_ip
    connectivity_type = data.simcloud_nat_gateway.public.connectivity_type
  }
}

# The same with a filter block of DescribeNatGateways and state, as the AWS
# provider's data source takes them too.
data "simcloud_nat_gateway" "by_filter" {
  state = "available"

  filter {
    name   = "subnet-id"
    values = [var.subnet_id]
  }
}
