# An IPv6 block is imported by the ID of its association.
terraform import simcloud_vpc_ipv6_cidr_block_association.main vpc-cidr-assoc-0123456789abcdef0
