resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_vpc_dhcp_options" "corp" {
  domain_name         = "corp.example"
  domain_name_servers = ["AmazonProvidedDNS"]
}

# The VPC leaves the region's default set for this one.
resource "simcloud_vpc_dhcp_options_association" "main" {
  vpc_id          = simcloud_vpc.main.id
  dhcp_options_id = simcloud_vpc_dhcp_options.corp.id
}
