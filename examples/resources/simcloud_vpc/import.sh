# A VPC is imported by its ID.
terraform import simcloud_vpc.main vpc-0123456789abcdef0
