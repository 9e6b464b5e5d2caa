# A pool is imported by its ID.
terraform import simcloud_vpc_ipam_pool.private ipam-pool-0123456789abcdef0
