resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "simcloud_security_group" "web" {
  name   = "web"
  vpc_id = simcloud_vpc.main.id
}

# Everything out, over IPv4 and IPv6: AWS's default outbound rules, which
# the provider removes from a new group.
resource "simcloud_vpc_security_group_egress_rule" "all_ipv4" {
  security_group_id = simcloud_security_group.web.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "simcloud_vpc_security_group_egress_rule" "all_ipv6" {
  security_group_id = simcloud_security_group.web.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}
