resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "warehouse" {
  count = 2

  vpc_id            = simcloud_vpc.main.id
  cidr_block        = ["10.0.41.0/24", "10.0.42.0/24"][count.index]
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
}

# The subnets Redshift may place a cluster's nodes in.
resource "simcloud_redshift_subnet_group" "main" {
  name        = "warehouse"
  description = "Redshift warehouse"
  subnet_ids  = simcloud_subnet.warehouse[*].id

  tags = {
    environment = "lab"
  }
}
