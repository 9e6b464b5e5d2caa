# A VPC endpoint is imported by its ID.
terraform import simcloud_vpc_endpoint.s3 vpce-0123456789abcdef0
