resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "simcloud_route_table" "app" { vpc_id = simcloud_vpc.main.id }

resource "simcloud_subnet" "app" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

# The subnet is now served by the app table instead of the VPC's main
# table. A subnet has at most one such association.
resource "simcloud_route_table_association" "app" {
  subnet_id      = simcloud_subnet.app.id
  route_table_id = simcloud_route_table.app.id
}
