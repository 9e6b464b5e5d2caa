variable "subnet_id" { type = string }

# The NAT gateway that sits in a subnet. id, vpc_id or tags find it as well;
# exactly one gateway must match.
data "simcloud_nat_gateway" "public" {
  subnet_id = var.subnet_id
}

output "nat_gateway_id" {
  value = data.simcloud_nat_gateway.public.id
}

# The address the internet sees for connections through the gateway.
output "nat_gateway_public_ip" {
  value = data.simcloud_nat_gateway.public.public_ip
}

output "nat_gateway_connectivity_type" {
  value = data.simcloud_nat_gateway.public.connectivity_type
}
