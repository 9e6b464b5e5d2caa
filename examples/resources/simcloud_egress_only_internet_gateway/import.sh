# An egress-only internet gateway is imported by its ID.
terraform import simcloud_egress_only_internet_gateway.main eigw-0123456789abcdef0
