# A DHCP options set is imported by its ID.
terraform import simcloud_vpc_dhcp_options.corp dopt-0123456789abcdef0
