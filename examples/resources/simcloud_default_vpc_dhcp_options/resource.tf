# Tags the region's default DHCP options set, which every new VPC gets.
resource "simcloud_default_vpc_dhcp_options" "default" {
  tags = {
    Name = "default"
  }
}
