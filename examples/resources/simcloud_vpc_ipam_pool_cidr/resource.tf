resource "simcloud_vpc_ipam" "main" {
  operating_regions {
    region_name = "us-east-1"
  }
}

resource "simcloud_vpc_ipam_pool" "top" {
  address_family = "ipv4"
  ipam_scope_id  = simcloud_vpc_ipam.main.private_default_scope_id
}

resource "simcloud_vpc_ipam_pool_cidr" "top" {
  ipam_pool_id = simcloud_vpc_ipam_pool.top.id
  cidr         = "10.0.0.0/8"
}

# A regional pool that takes a /12 of the top pool's CIDR.
resource "simcloud_vpc_ipam_pool" "regional" {
  address_family      = "ipv4"
  ipam_scope_id       = simcloud_vpc_ipam.main.private_default_scope_id
  source_ipam_pool_id = simcloud_vpc_ipam_pool.top.id
  locale              = "us-east-1"
}

resource "simcloud_vpc_ipam_pool_cidr" "regional" {
  ipam_pool_id   = simcloud_vpc_ipam_pool.regional.id
  netmask_length = 12

  depends_on = [simcloud_vpc_ipam_pool_cidr.top]
}
