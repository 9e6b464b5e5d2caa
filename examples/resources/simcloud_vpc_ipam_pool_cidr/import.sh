# A pool CIDR is imported by the CIDR, an underscore and the pool's ID.
terraform import simcloud_vpc_ipam_pool_cidr.top 10.0.0.0/8_ipam-pool-0123456789abcdef0
