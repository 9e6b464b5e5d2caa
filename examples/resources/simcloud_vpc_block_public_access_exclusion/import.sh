# An exclusion is imported by its ID.
terraform import simcloud_vpc_block_public_access_exclusion.public vpcbpa-exclude-0123456789abcdef0
