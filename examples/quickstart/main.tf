# The quick start: one VPC in the simulated cloud. `make demo` applies it
# against the default cloud (~/.local/share/simcloud/cloud.db).

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {
  default_tags {
    tags = {
      Project = "simcloud-quickstart"
    }
  }
}

resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "quickstart"
  }
}

# The VPC's door to the internet. A VPC takes one; try adding a second and
# run terraform plan to see the simulated cloud refuse it, as AWS would.
resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id

  tags = {
    Name = "quickstart"
  }
}

# Data sources read the cloud as it is now, here the VPC created above.
data "simcloud_vpc" "main" {
  id = simcloud_vpc.main.id
}

output "vpc_id" {
  value = simcloud_vpc.main.id
}

output "internet_gateway_id" {
  value = simcloud_internet_gateway.main.id
}

output "vpc_arn" {
  value = simcloud_vpc.main.arn
}

output "ipv6_cidr_block" {
  value = simcloud_vpc.main.ipv6_cidr_block
}

output "main_route_table_id" {
  description = "Every VPC comes with a main route table holding its local routes."
  value       = data.simcloud_vpc.main.main_route_table_id
}

output "tags_all" {
  description = "The VPC's own tags merged with the provider's default tags."
  value       = simcloud_vpc.main.tags_all
}
