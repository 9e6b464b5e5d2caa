resource "simcloud_vpc" "prod" {
  cidr_block = "10.0.0.0/16"
  tags       = { Environment = "prod" }
}

resource "simcloud_vpc" "dev" {
  cidr_block = "10.1.0.0/16"
  tags       = { Environment = "dev" }
}

# The VPCs tagged for production.
data "simcloud_vpcs" "prod" {
  tags       = { Environment = "prod" }
  depends_on = [simcloud_vpc.prod, simcloud_vpc.dev]
}

# The VPCs whose block is in 10.0.0.0/8, by a wildcard filter.
data "simcloud_vpcs" "ten" {
  filter {
    name   = "cidr"
    values = ["10.*"]
  }
  depends_on = [simcloud_vpc.prod, simcloud_vpc.dev]
}

output "prod_vpc_ids" {
  value = data.simcloud_vpcs.prod.ids
}

output "ten_vpc_count" {
  value = length(data.simcloud_vpcs.ten.ids)
}
