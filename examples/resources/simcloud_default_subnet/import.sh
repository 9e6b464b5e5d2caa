# A default subnet is imported by its ID.
terraform import simcloud_default_subnet.a subnet-0123456789abcdef0
