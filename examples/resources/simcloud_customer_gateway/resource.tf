# The device at your end of a site-to-site VPN: its public address and BGP ASN.
resource "simcloud_customer_gateway" "office" {
  bgp_asn    = "65000"
  ip_address = "203.0.113.12"
  type       = "ipsec.1"

  tags = {
    Name = "office"
  }
}
