# The top-level pool of the simcloud_vpc_ipam_pool example holds 10.0.0.0/8.
resource "simcloud_vpc_ipam_pool_cidr" "top" {
  ipam_pool_id = simcloud_vpc_ipam_pool.private.id
  cidr         = "10.0.0.0/8"
}

# A pool whose source_ipam_pool_id is that pool takes the lowest free /12
# of it by length alone.
resource "simcloud_vpc_ipam_pool_cidr" "regional" {
  ipam_pool_id   = simcloud_vpc_ipam_pool.regional.id
  netmask_length = 12

  depends_on = [simcloud_vpc_ipam_pool_cidr.top]
}
