resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# The VPC's end of site-to-site VPN connections, attached to the VPC.
resource "simcloud_vpn_gateway" "main" {
  vpc_id          = simcloud_vpc.main.id
  amazon_side_asn = "64512"

  tags = {
    Name = "main"
  }
}

# Traffic for the office network goes through the gateway.
resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "192.168.0.0/16"
    gateway_id = simcloud_vpn_gateway.main.id
  }
}
