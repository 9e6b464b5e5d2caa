variable "vpc_id" { type = string }

# The gateway attached to a VPC, for example one another configuration manages.
data "simcloud_internet_gateway" "main" {
  vpc_id = var.vpc_id
}

output "internet_gateway_id" {
  value = data.simcloud_internet_gateway.main.id
}

# The same, as the AWS provider's documentation writes it: with a filter
# block of DescribeInternetGateways.
data "simcloud_internet_gateway" "attached" {
  filter {
    name   = "attachment.vpc-id"
    values = [var.vpc_id]
  }
}
