# The /16 the pool of the simcloud_vpc_ipam_pool example would give next,
# known before any VPC takes it, so that subnets can be planned from it.
resource "simcloud_vpc_ipam_preview_next_cidr" "next" {
  ipam_pool_id   = simcloud_vpc_ipam_pool.private.id
  netmask_length = 16

  depends_on = [simcloud_vpc_ipam_pool_cidr.private]
}

# Made next from the pool with the same size, the VPC gets the preview's
# block, and its subnet fits.
resource "simcloud_vpc" "next" {
  ipv4_ipam_pool_id   = simcloud_vpc_ipam_pool.private.id
  ipv4_netmask_length = 16
  depends_on          = [simcloud_vpc_ipam_preview_next_cidr.next]
}

resource "simcloud_subnet" "first" {
  vpc_id     = simcloud_vpc.next.id
  cidr_block = cidrsubnet(simcloud_vpc_ipam_preview_next_cidr.next.cidr, 8, 1)
}
