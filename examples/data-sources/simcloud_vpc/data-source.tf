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

# By filter blocks of DescribeVpcs, AND-ed: a VPC whose Name tag starts
# with prod- and whose primary block is in 10.0.0.0/8.
data "simcloud_vpc" "prod" {
  filter {
    name   = "tag:Name"
    values = ["prod-*"]
  }
  filter {
    name   = "cidr-block-association.cidr-block"
    values = ["10.*"]
  }
}

variable "vpc_id" { type = string }

output "shared_vpc_main_route_table" {
  value = data.simcloud_vpc.shared.main_route_table_id
}
