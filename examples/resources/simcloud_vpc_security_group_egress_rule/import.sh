# A rule is imported by its ID.
terraform import simcloud_vpc_security_group_egress_rule.all_ipv4 sgr-0123456789abcdef0
