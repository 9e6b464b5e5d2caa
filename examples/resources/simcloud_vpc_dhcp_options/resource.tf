# Instances of the VPCs associated with this set resolve names through two
# resolvers of their own and complete short names with corp.example.
resource "simcloud_vpc_dhcp_options" "corp" {
  domain_name          = "corp.example"
  domain_name_servers  = ["10.0.0.2", "10.0.0.3"]
  ntp_servers          = ["169.254.169.123"]
  netbios_name_servers = ["10.0.0.2"]
  netbios_node_type    = "2"

  tags = {
    Name = "corp"
  }
}
