# An internet gateway is imported by its ID.
terraform import simcloud_internet_gateway.main igw-0123456789abcdef0
