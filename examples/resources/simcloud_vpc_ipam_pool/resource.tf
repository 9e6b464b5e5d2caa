resource "simcloud_vpc_ipam" "main" {
  operating_regions {
    region_name = "us-east-1"
  }
}

# VPCs of us-east-1 take /16 to /24 blocks from this pool, /20 unless they
# say otherwise.
resource "simcloud_vpc_ipam_pool" "private" {
  description                       = "private IPv4 for us-east-1"
  address_family                    = "ipv4"
  ipam_scope_id                     = simcloud_vpc_ipam.main.private_default_scope_id
  locale                            = "us-east-1"
  allocation_default_netmask_length = 20
  allocation_min_netmask_length     = 16
  allocation_max_netmask_length     = 24
}

resource "simcloud_vpc_ipam_pool_cidr" "private" {
  ipam_pool_id = simcloud_vpc_ipam_pool.private.id
  cidr         = "10.0.0.0/8"
}

# The VPC's block is the pool's lowest free /20: 10.0.0.0/20 in a fresh pool.
resource "simcloud_vpc" "app" {
  ipv4_ipam_pool_id = simcloud_vpc_ipam_pool.private.id

  depends_on = [simcloud_vpc_ipam_pool_cidr.private]
}
