# A rule is imported as NETWORK_ACL_ID:RULE_NUMBER:PROTOCOL:EGRESS, as with
# aws_network_acl_rule; write the protocol as the configuration does.
terraform import simcloud_network_acl_rule.https_in acl-0123456789abcdef0:100:tcp:false
