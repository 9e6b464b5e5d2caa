# An ElastiCache subnet group is imported by its name.
terraform import simcloud_elasticache_subnet_group.main main-cache
