# An IPAM is imported by its ID.
terraform import simcloud_vpc_ipam.main ipam-0123456789abcdef0
