resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

resource "simcloud_subnet" "private" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

# Takes over the ACL the VPC was created with. AWS's rules that allow
# everything are replaced by these: traffic within the VPC only. A direction
# left out would have no rules but the "*" one, which denies everything.
resource "simcloud_default_network_acl" "main" {
  default_network_acl_id = simcloud_vpc.main.default_network_acl_id
  subnet_ids             = [simcloud_subnet.private.id]

  ingress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = simcloud_vpc.main.cidr_block
    from_port  = 0
    to_port    = 0
  }

  egress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = simcloud_vpc.main.cidr_block
    from_port  = 0
    to_port    = 0
  }

  tags = { Name = "default" }
}
