# One VPC written as for the AWS provider, in the styles its users write
# routing in:
# - the classic two-tier network: a public and a private subnet in each of
#   two zones, a public route table with a default route to the internet
#   gateway, and a private route table with none;
# - routes as separate route resources rather than route blocks, the style
#   the AWS documentation recommends for tables that several modules add
#   routes to, for a dual-stack public subnet;
# - a private IPv6 subnet: it reaches the IPv6 internet through an
#   egress-only internet gateway, and nothing reaches it;
# - the VPC's main table adopted as a default route table resource, so that
#   every subnet without a table of its own, here web, is public;
# - a site-to-site VPN from an office: the office's device (a customer
#   gateway), the VPC's virtual private gateway, and a table that routes the
#   office network to it and takes its propagated routes, as the main table
#   does too.

locals {
  azs = ["us-east-1a", "us-east-1b"]
}

resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "main"
  }
}

resource "aws_internet_gateway" "gw" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "main"
  }
}

resource "aws_egress_only_internet_gateway" "egress" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "ipv6"
  }
}

resource "aws_subnet" "public" {
  count = length(local.azs)

  vpc_id                  = aws_vpc.main.id
  cidr_block              = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = true

  tags = {
    Name = "public-${local.azs[count.index]}"
    Tier = "public"
  }
}

resource "aws_subnet" "private" {
  count = length(local.azs)

  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index + 10)
  availability_zone = local.azs[count.index]

  tags = {
    Name = "private-${local.azs[count.index]}"
    Tier = "private"
  }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.gw.id
  }

  tags = {
    Name = "public"
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "private"
  }
}

resource "aws_route_table_association" "public" {
  count = length(local.azs)

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "private" {
  count = length(local.azs)

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

# Separate routes: the table has no route blocks.
resource "aws_route_table" "dual_stack" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "dual-stack"
  }
}

resource "aws_route" "internet" {
  route_table_id         = aws_route_table.dual_stack.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.gw.id
}

resource "aws_route" "internet_ipv6" {
  route_table_id              = aws_route_table.dual_stack.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.egress.id
}

resource "aws_subnet" "dual_stack" {
  vpc_id                          = aws_vpc.main.id
  cidr_block                      = "10.0.21.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = true
  map_public_ip_on_launch         = true
}

resource "aws_route_table_association" "dual_stack" {
  subnet_id      = aws_subnet.dual_stack.id
  route_table_id = aws_route_table.dual_stack.id
}

# The private IPv6 subnet.
resource "aws_subnet" "ipv6_private" {
  vpc_id                          = aws_vpc.main.id
  cidr_block                      = "10.0.31.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0)
  assign_ipv6_address_on_creation = true
}

resource "aws_route_table" "ipv6_private" {
  vpc_id = aws_vpc.main.id

  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = aws_egress_only_internet_gateway.egress.id
  }

  tags = {
    Name = "ipv6-private"
  }
}

resource "aws_route_table_association" "ipv6_private" {
  subnet_id      = aws_subnet.ipv6_private.id
  route_table_id = aws_route_table.ipv6_private.id
}

# The VPN.
resource "aws_customer_gateway" "office" {
  bgp_asn    = 65000
  ip_address = "203.0.113.12"
  type       = "ipsec.1"

  tags = {
    Name = "office"
  }
}

resource "aws_vpn_gateway" "vpn" {
  vpc_id          = aws_vpc.main.id
  amazon_side_asn = "64512"

  tags = {
    Name = "vpn"
  }
}

resource "aws_route_table" "office" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "192.168.0.0/16"
    gateway_id = aws_vpn_gateway.vpn.id
  }
}

resource "aws_vpn_gateway_route_propagation" "office" {
  vpn_gateway_id = aws_vpn_gateway.vpn.id
  route_table_id = aws_route_table.office.id
}

# The main table, adopted: it serves the web subnet, which has no
# association.
resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.main.default_route_table_id
  propagating_vgws       = [aws_vpn_gateway.vpn.id]

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.gw.id
  }

  tags = {
    Name = "main"
  }
}

resource "aws_subnet" "web" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.41.0/24"
  availability_zone = "us-east-1c"

  tags = {
    Name = "web"
  }
}
