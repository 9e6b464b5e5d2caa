resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

resource "simcloud_subnet" "private" {
  count             = 2
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = cidrsubnet(simcloud_vpc.main.cidr_block, 8, count.index)
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
  tags              = { Tier = "private" }
}

# The private subnets of the VPC in us-east-1a.
data "simcloud_subnets" "private_a" {
  filter {
    name   = "vpc-id"
    values = [simcloud_vpc.main.id]
  }
  filter {
    name   = "availability-zone"
    values = ["us-east-1a"]
  }
  tags       = { Tier = "private" }
  depends_on = [simcloud_subnet.private]
}

output "private_a_subnet_ids" {
  value = data.simcloud_subnets.private_a.ids
}
