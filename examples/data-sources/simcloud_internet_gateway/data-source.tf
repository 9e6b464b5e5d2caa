variable "vpc_id" { type = string }

# The gateway attached to a VPC, for example one another configuration manages.
data "simcloud_internet_gateway" "main" {
  vpc_id = var.vpc_id
}

output "internet_gateway_id" {
  value = data.simcloud_internet_gateway.main.id
}
