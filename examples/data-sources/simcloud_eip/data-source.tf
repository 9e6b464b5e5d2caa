# An elastic IP address that another configuration allocated, found by its
# tags. public_ip or id (the allocation ID) find it as well.
data "simcloud_eip" "nat" {
  tags = { Name = "nat" }
}

output "nat_eip_allocation_id" {
  value = data.simcloud_eip.nat.allocation_id
}

output "nat_eip_public_ip" {
  value = data.simcloud_eip.nat.public_ip
}

# The ID of the address's association with a NAT gateway, or "" while no
# gateway uses it.
output "nat_eip_in_use" {
  value = data.simcloud_eip.nat.association_id != ""
}

# By filter blocks of DescribeAddresses: the address tagged nat... that is
# associated, with a NAT gateway or a network interface.
data "simcloud_eip" "nat_in_use" {
  filter {
    name   = "tag:Name"
    values = ["nat*"]
  }
  filter {
    name   = "association-id"
    values = ["eipassoc-*"]
  }
}
