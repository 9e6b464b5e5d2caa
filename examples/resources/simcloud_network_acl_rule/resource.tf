resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# An ACL that leaves its rules to simcloud_network_acl_rule resources: it
# sets neither ingress nor egress.
resource "simcloud_network_acl" "web" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_network_acl_rule" "https_in" {
  network_acl_id = simcloud_network_acl.web.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}

# Network ACLs are stateless: the replies leave on the ephemeral ports.
resource "simcloud_network_acl_rule" "replies_out" {
  network_acl_id = simcloud_network_acl.web.id
  rule_number    = 100
  egress         = true
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 1024
  to_port        = 65535
}
