# A NAT gateway is imported by its ID.
terraform import simcloud_nat_gateway.main nat-0123456789abcdef0
