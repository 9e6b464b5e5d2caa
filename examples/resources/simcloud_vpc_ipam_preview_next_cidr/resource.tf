resource "simcloud_vpc_ipam" "main" {
  operating_regions {
    region_name = "us-east-1"
  }
}

resource "simcloud_vpc_ipam_pool" "private" {
  address_family = "ipv4"
  ipam_scope_id  = simcloud_vpc_ipam.main.private_default_scope_id
  locale         = "us-east-1"
}

resource "simcloud_vpc_ipam_pool_cidr" "private" {
  ipam_pool_id = simcloud_vpc_ipam_pool.private.id
  cidr         = "10.0.0.0/8"
}

# The /16 the pool would give next, known before the VPC is made, so that
# subnets can be planned from it.
resource "simcloud_vpc_ipam_preview_next_cidr" "next" {
  ipam_pool_id   = simcloud_vpc_ipam_pool.private.id
  netmask_length = 16

  depends_on = [simcloud_vpc_ipam_pool_cidr.private]
}

# Made next from the pool with the same size, the VPC gets the preview's
# block.
resource "simcloud_vpc" "app" {
  ipv4_ipam_pool_id   = simcloud_vpc_ipam_pool.private.id
  ipv4_netmask_length = 16

  depends_on = [simcloud_vpc_ipam_preview_next_cidr.next]
}

resource "simcloud_subnet" "first" {
  vpc_id     = simcloud_vpc.app.id
  cidr_block = cidrsubnet(simcloud_vpc_ipam_preview_next_cidr.next.cidr, 8, 1)
}
