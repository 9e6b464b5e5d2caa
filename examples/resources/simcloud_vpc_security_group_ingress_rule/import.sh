# A rule is imported by its ID.
terraform import simcloud_vpc_security_group_ingress_rule.https sgr-0123456789abcdef0
