resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "simcloud_network_acl" "private" { vpc_id = simcloud_vpc.main.id }

resource "simcloud_subnet" "private" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

# The subnet leaves the VPC's default network ACL for this one; destroying
# the association returns it to the default.
resource "simcloud_network_acl_association" "private" {
  network_acl_id = simcloud_network_acl.private.id
  subnet_id      = simcloud_subnet.private.id
}
