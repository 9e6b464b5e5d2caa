resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}
resource "simcloud_internet_gateway" "main" { vpc_id = simcloud_vpc.main.id }
resource "simcloud_egress_only_internet_gateway" "main" { vpc_id = simcloud_vpc.main.id }

# Routes written as route blocks, as with aws_route_table: IPv4 traffic goes
# out and comes in through the internet gateway, IPv6 traffic may leave
# through the egress-only gateway and nothing comes in. The table also holds
# a local route for each of the VPC's blocks, which is not listed here.
resource "simcloud_route_table" "main" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }

  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id
  }

  tags = {
    Name = "main"
  }
}

# route = [] removes every route but the local ones, including routes added
# outside Terraform. Leaving route out would leave the routes unmanaged.
resource "simcloud_route_table" "isolated" {
  vpc_id = simcloud_vpc.main.id
  route  = []
}
