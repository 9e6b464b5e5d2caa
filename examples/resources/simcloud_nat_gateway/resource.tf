resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# A public NAT gateway reaches the internet through its VPC's internet
# gateway: without one, creating it fails with Gateway.NotAttached.
resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

# The NAT gateway sits in a public subnet: one whose route table sends
# 0.0.0.0/0 to the internet gateway.
resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
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

# One elastic IP address per public NAT gateway: a second gateway on the
# same address fails at plan with Resource.AlreadyAssociated.
resource "simcloud_eip" "nat" {
  domain = "vpc"
}

resource "simcloud_nat_gateway" "main" {
  subnet_id     = simcloud_subnet.public.id
  allocation_id = simcloud_eip.nat.id

  tags = {
    Name = "main"
  }

  # As the AWS documentation recommends: create the gateway only once the
  # internet gateway is attached to the VPC.
  depends_on = [simcloud_internet_gateway.main]
}

# The private subnet sends internet traffic to the NAT gateway: its
# instances can open connections out, and nothing on the internet can open
# one to them.
resource "simcloud_subnet" "private" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.2.0/24"

  tags = {
    Name = "private"
  }
}

resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = simcloud_nat_gateway.main.id
  }
}

resource "simcloud_route_table_association" "private" {
  subnet_id      = simcloud_subnet.private.id
  route_table_id = simcloud_route_table.private.id
}

# The address the internet sees for connections from the private subnet.
output "nat_public_ip" {
  value = simcloud_nat_gateway.main.public_ip
}
