variable "vpc_id" { type = string }

# A subnet of a VPC that another configuration manages, found by its tags.
data "simcloud_subnet" "public" {
  vpc_id = var.vpc_id
  tags   = { Name = "public" }
}

# Read live at every plan, unlike is_public on the simcloud_subnet resource,
# which is as of the last refresh.
output "public_subnet_is_public" {
  value = data.simcloud_subnet.public.is_public
}

output "public_subnet_route_table_id" {
  value = data.simcloud_subnet.public.effective_route_table_id
}

# By filter blocks of DescribeSubnets, with the other arguments: the
# subnet of the VPC named private that gives instances no public address.
data "simcloud_subnet" "private" {
  vpc_id = var.vpc_id

  filter {
    name   = "tag:Name"
    values = ["private"]
  }
  filter {
    name   = "map-public-ip-on-launch"
    values = ["false"]
  }
}
