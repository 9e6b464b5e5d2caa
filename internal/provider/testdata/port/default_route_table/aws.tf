# Adopting the VPC's main table as a default route table resource, so that
# every subnet without a table of its own, here the only one, is public.

resource "aws_vpc" "main" {
  cidr_block = "10.2.0.0/16"

  tags = {
    Name = "default-route-table"
  }
}

resource "aws_internet_gateway" "gw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.main.default_route_table_id

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
  cidr_block        = "10.2.1.0/24"
  availability_zone = "us-east-1c"

  tags = {
    Name = "web"
  }
}
