resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id
  tags   = { Tier = "private" }
}

# Every table of the VPC: its main table and the private one.
data "simcloud_route_tables" "all" {
  vpc_id     = simcloud_vpc.main.id
  depends_on = [simcloud_route_table.private]
}

# The VPC's main table, by AWS's association.main filter.
data "simcloud_route_tables" "main" {
  vpc_id = simcloud_vpc.main.id

  filter {
    name   = "association.main"
    values = ["true"]
  }
}

output "route_table_count" {
  value = length(data.simcloud_route_tables.all.ids)
}

output "main_route_table_id" {
  value = one(data.simcloud_route_tables.main.ids)
}
