resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

# Lets IPv6 traffic out of the VPC and nothing in.
resource "simcloud_egress_only_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id

  tags = {
    Name = "main"
  }
}
