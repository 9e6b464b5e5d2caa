# A VPC reached from an office over a site-to-site VPN: the office's device
# (a customer gateway), the VPC's virtual private gateway, a private table
# that routes the office network to it and takes its propagated routes.

resource "aws_vpc" "main" {
  cidr_block = "10.4.0.0/16"
}

resource "aws_customer_gateway" "office" {
  bgp_asn    = 65000
  ip_address = "203.0.113.12"
  type       = "ipsec.1"

  tags = {
    Name = "office"
  }
}

resource "aws_vpn_gateway" "vpn" {
  vpc_id          = aws_vpc.main.id
  amazon_side_asn = "64512"

  tags = {
    Name = "vpn"
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "192.168.0.0/16"
    gateway_id = aws_vpn_gateway.vpn.id
  }
}

resource "aws_vpn_gateway_route_propagation" "private" {
  vpn_gateway_id = aws_vpn_gateway.vpn.id
  route_table_id = aws_route_table.private.id
}

resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.main.default_route_table_id
  propagating_vgws       = [aws_vpn_gateway.vpn.id]
}
