resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "cache" {
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = "10.0.31.0/24"
  availability_zone = "us-east-1a"
}

# The subnets ElastiCache may place a cache cluster's nodes in.
resource "simcloud_elasticache_subnet_group" "main" {
  name       = "main-cache"
  subnet_ids = [simcloud_subnet.cache.id]
}
