# A list without entry blocks, whose entries other configurations add one
# by one.
resource "simcloud_ec2_managed_prefix_list" "partners" {
  name           = "partners"
  address_family = "IPv4"
  max_entries    = 10
}

resource "simcloud_ec2_managed_prefix_list_entry" "acme" {
  prefix_list_id = simcloud_ec2_managed_prefix_list.partners.id
  cidr           = "198.51.100.0/24"
  description    = "Acme"
}
