resource "simcloud_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "simcloud_subnet" "private_a" {
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "simcloud_subnet" "private_b" {
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}

resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id
}

data "simcloud_vpc_endpoint_service" "s3" {
  service      = "s3"
  service_type = "Gateway"
}

# A Gateway endpoint: the route table gets a route to S3's prefix list through it.
resource "simcloud_vpc_endpoint" "s3" {
  vpc_id          = simcloud_vpc.main.id
  service_name    = data.simcloud_vpc_endpoint_service.s3.service_name
  route_table_ids = [simcloud_route_table.private.id]
}

# An Interface endpoint in one subnet per zone, with the VPC's default security group.
resource "simcloud_vpc_endpoint" "ecr_api" {
  vpc_id              = simcloud_vpc.main.id
  service_name        = "com.amazonaws.us-east-1.ecr.api"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [simcloud_subnet.private_a.id, simcloud_subnet.private_b.id]
  private_dns_enabled = true

  subnet_configuration {
    subnet_id = simcloud_subnet.private_a.id
    ipv4      = cidrhost(simcloud_subnet.private_a.cidr_block, 10)
  }
}
