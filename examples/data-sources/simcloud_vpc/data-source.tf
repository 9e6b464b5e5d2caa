# By ID, for example one handed over from another configuration.
data "simcloud_vpc" "by_id" {
  id = var.vpc_id
}

# By block and tags: exactly one VPC must match.
data "simcloud_vpc" "shared" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Name = "shared"
  }
}

variable "vpc_id" { type = string }

output "shared_vpc_main_route_table" {
  value = data.simcloud_vpc.shared.main_route_table_id
}
