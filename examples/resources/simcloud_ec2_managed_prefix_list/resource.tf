# The office networks, kept in one list that routes and security group rules
# can name instead of each block. Adding an entry makes a new version of the
# list.
resource "simcloud_ec2_managed_prefix_list" "offices" {
  name           = "offices"
  address_family = "IPv4"
  max_entries    = 5

  entry {
    cidr        = "10.20.0.0/16"
    description = "Paris"
  }

  entry {
    cidr        = "10.30.0.0/16"
    description = "Berlin"
  }

  tags = {
    Name = "offices"
  }
}
