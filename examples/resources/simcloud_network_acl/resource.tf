resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

resource "simcloud_subnet" "public" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

# The public subnet leaves the VPC's default ACL for this one. Network ACLs
# are stateless: the replies to inbound HTTPS leave on the ephemeral ports,
# so the outbound rules must let them out.
resource "simcloud_network_acl" "public" {
  vpc_id     = simcloud_vpc.main.id
  subnet_ids = [simcloud_subnet.public.id]

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }

  ingress {
    rule_no    = 110
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 1024
    to_port    = 65535
  }

  egress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  tags = { Name = "public" }
}
