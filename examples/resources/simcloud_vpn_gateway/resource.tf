resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# The VPC's end of site-to-site VPN connections, attached to the VPC. A route
# table sends the office network's traffic to it with a route whose
# gateway_id is simcloud_vpn_gateway.main.id.
resource "simcloud_vpn_gateway" "main" {
  vpc_id          = simcloud_vpc.main.id
  amazon_side_asn = "64512"

  tags = {
    Name = "main"
  }
}
