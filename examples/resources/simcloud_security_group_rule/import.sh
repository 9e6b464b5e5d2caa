# A rule is imported as in the AWS provider: the group, the type, the
# protocol, the ports and the other ends, separated by underscores.
terraform import simcloud_security_group_rule.https sg-0123456789abcdef0_ingress_tcp_443_443_10.0.0.0/16_192.168.0.0/16

# Other ends that are the group itself, another group, or a prefix list:
terraform import simcloud_security_group_rule.self sg-0123456789abcdef0_ingress_all_0_65536_self
terraform import simcloud_security_group_rule.from_lb sg-0123456789abcdef0_ingress_tcp_8080_8080_sg-0fedcba9876543210
terraform import simcloud_security_group_rule.to_s3 sg-0123456789abcdef0_egress_tcp_443_443_pl-63a5400a
