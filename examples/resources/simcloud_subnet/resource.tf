resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "simcloud_subnet" "app" {
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
  ipv6_cidr_block   = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 1)

  tags = {
    Name = "app"
  }
}

# A subnet is public when the route table that serves it sends traffic to
# the VPC's internet gateway; this one is served by the VPC's main table,
# which has only local routes. is_public is as of the last refresh; the
# simcloud_subnet data source reads it live. A second subnet overlapping
# 10.0.1.0/24 would fail at plan with InvalidSubnet.Conflict.
output "app_subnet_is_public" {
  value = simcloud_subnet.app.is_public
}
