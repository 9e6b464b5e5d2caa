# The zones of the provider's region, but the first.
data "simcloud_availability_zones" "available" {
  state         = "available"
  exclude_names = ["us-east-1a"]
}

resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# One subnet in each of the first three zones left.
resource "simcloud_subnet" "private" {
  count             = 3
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = cidrsubnet(simcloud_vpc.main.cidr_block, 8, count.index)
  availability_zone = data.simcloud_availability_zones.available.names[count.index]
}

# The zones of another region, by ID.
data "simcloud_availability_zones" "west" {
  region = "us-west-2"

  filter {
    name   = "zone-id"
    values = ["usw2-az1", "usw2-az2"]
  }
}

output "zones" {
  value = simcloud_subnet.private[*].availability_zone
}

output "west_zone_names" {
  value = data.simcloud_availability_zones.west.names
}
