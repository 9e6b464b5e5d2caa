# A secondary block is imported by the ID of its association.
terraform import simcloud_vpc_ipv4_cidr_block_association.more vpc-cidr-assoc-0123456789abcdef0
