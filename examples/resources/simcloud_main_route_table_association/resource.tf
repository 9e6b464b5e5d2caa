resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "simcloud_route_table" "main" { vpc_id = simcloud_vpc.main.id }

# Every subnet of the VPC without a table of its own is now served by this
# table. Destroying the association makes the VPC's original main table
# main again.
resource "simcloud_main_route_table_association" "main" {
  vpc_id         = simcloud_vpc.main.id
  route_table_id = simcloud_route_table.main.id
}
