resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# The group leaves out ingress and egress: its rules are the rule resources'.
resource "simcloud_security_group" "web" {
  name   = "web"
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_vpc_security_group_ingress_rule" "https" {
  security_group_id = simcloud_security_group.web.id
  description       = "HTTPS from anywhere"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = {
    Name = "https"
  }
}

# Every protocol from the group's own members.
resource "simcloud_vpc_security_group_ingress_rule" "members" {
  security_group_id            = simcloud_security_group.web.id
  ip_protocol                  = "-1"
  referenced_security_group_id = simcloud_security_group.web.id
}
