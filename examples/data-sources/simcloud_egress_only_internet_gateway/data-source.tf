variable "vpc_id" { type = string }

data "simcloud_egress_only_internet_gateway" "main" {
  vpc_id = var.vpc_id
  tags   = { Name = "main" }
}

output "egress_only_internet_gateway_id" {
  value = data.simcloud_egress_only_internet_gateway.main.id
}

# DescribeEgressOnlyInternetGateways filters on tags only: here, any
# gateway with an Environment tag, in the VPC.
data "simcloud_egress_only_internet_gateway" "tagged" {
  vpc_id = var.vpc_id

  filter {
    name   = "tag-key"
    values = ["Environment"]
  }
}
