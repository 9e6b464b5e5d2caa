resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "simcloud_internet_gateway" "main" { vpc_id = simcloud_vpc.main.id }

# Takes over the main table the VPC was created with. Routes not listed here
# are removed when it is adopted; local routes always stay.
resource "simcloud_default_route_table" "main" {
  default_route_table_id = simcloud_vpc.main.default_route_table_id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }

  tags = {
    Name = "main"
  }
}
