resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# Created detached; the attachment below attaches it.
resource "simcloud_vpn_gateway" "main" {
  tags = {
    Name = "main"
  }
}

resource "simcloud_vpn_gateway_attachment" "main" {
  vpc_id         = simcloud_vpc.main.id
  vpn_gateway_id = simcloud_vpn_gateway.main.id
}
