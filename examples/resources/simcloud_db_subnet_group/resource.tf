resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "data" {
  count = 2

  vpc_id            = simcloud_vpc.main.id
  cidr_block        = cidrsubnet(simcloud_vpc.main.cidr_block, 8, 21 + count.index)
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
}

# The subnets RDS may place a database's nodes in: at least two zones.
resource "simcloud_db_subnet_group" "main" {
  name       = "main"
  subnet_ids = simcloud_subnet.data[*].id

  tags = {
    Name = "My DB subnet group"
  }
}
