package provider

// simcloud_vpc_security_group_egress_rule is described with its inbound twin
// in vpc_security_group_ingress_rule_resource.go.
var vpcSecurityGroupEgressRuleKind = vpcSecurityGroupRuleKind(true)
