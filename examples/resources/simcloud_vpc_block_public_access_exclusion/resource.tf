resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "public" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "simcloud_vpc_block_public_access_options" "main" {
  internet_gateway_block_mode = "block-bidirectional"
}

# The subnet where the NAT gateways sit may still open connections out.
resource "simcloud_vpc_block_public_access_exclusion" "public" {
  subnet_id                       = simcloud_subnet.public.id
  internet_gateway_exclusion_mode = "allow-egress"

  tags = {
    Name = "NAT gateways"
  }
}
