# The default DHCP options set is imported by its ID.
terraform import simcloud_default_vpc_dhcp_options.default dopt-0123456789abcdef0
