resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

# A subnet is public when the route table that serves it sends traffic to
# the VPC's internet gateway. This one gets its own table with such a route.
resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  availability_zone       = "us-east-1a"
  ipv6_cidr_block         = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 1)
  map_public_ip_on_launch = true

  tags = {
    Name = "public"
  }
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}

# Served by the VPC's main table, which has only local routes: private.
# A second subnet overlapping 10.0.2.0/24 would fail at plan with
# InvalidSubnet.Conflict.
resource "simcloud_subnet" "private" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.2.0/24"

  tags = {
    Name = "private"
  }
}

# is_public is as of the last refresh: right after the first apply the public
# subnet still reads false, since its association was made after it.
# The simcloud_subnet data source reads it live.
output "private_subnet_is_public" {
  value = simcloud_subnet.private.is_public
}
