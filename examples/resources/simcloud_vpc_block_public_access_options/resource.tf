# No traffic in from the internet, anywhere in this account and region;
# NAT gateways and egress-only internet gateways still let connections out.
resource "simcloud_vpc_block_public_access_options" "main" {
  internet_gateway_block_mode = "block-ingress"
}
