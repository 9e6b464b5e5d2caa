resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# A second block from the primary block's range.
resource "simcloud_vpc_ipv4_cidr_block_association" "more" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.1.0.0/16"
}

# A subnet that takes its block from the secondary block refers to the
# association, so that it is made after it and destroyed before it.
resource "simcloud_subnet" "more" {
  vpc_id     = simcloud_vpc_ipv4_cidr_block_association.more.vpc_id
  cidr_block = "10.1.1.0/24"
}
