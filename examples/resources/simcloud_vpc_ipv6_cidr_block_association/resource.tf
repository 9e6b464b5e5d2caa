resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# An Amazon-provided /56 for a VPC made without one.
resource "simcloud_vpc_ipv6_cidr_block_association" "main" {
  vpc_id                           = simcloud_vpc.main.id
  assign_generated_ipv6_cidr_block = true
}

resource "simcloud_subnet" "dual" {
  vpc_id          = simcloud_vpc.main.id
  cidr_block      = "10.0.1.0/24"
  ipv6_cidr_block = cidrsubnet(simcloud_vpc_ipv6_cidr_block_association.main.ipv6_cidr_block, 8, 1)
}
