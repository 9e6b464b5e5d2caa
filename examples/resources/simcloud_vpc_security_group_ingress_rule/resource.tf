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

# SSH from the office networks, kept in a prefix list: a new office is a new
# entry of the list, and the rule lets it in without a change of its own.
resource "simcloud_ec2_managed_prefix_list" "offices" {
  name           = "offices"
  address_family = "IPv4"
  max_entries    = 5

  entry {
    cidr        = "10.20.0.0/16"
    description = "Paris"
  }
}

resource "simcloud_vpc_security_group_ingress_rule" "ssh_from_offices" {
  security_group_id = simcloud_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  prefix_list_id    = simcloud_ec2_managed_prefix_list.offices.id
}
