# An entry is imported by the list's ID, a comma and the entry's CIDR.
terraform import simcloud_ec2_managed_prefix_list_entry.acme pl-0123456789abcdef0,198.51.100.0/24
