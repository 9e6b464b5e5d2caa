# The default VPC is imported by its ID.
terraform import simcloud_default_vpc.default vpc-0123456789abcdef0
