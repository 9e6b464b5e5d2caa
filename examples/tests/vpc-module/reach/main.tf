# What the tests ask of subnets the module made: read through data sources,
# so the answers are those of the cloud now, after every route is in place.
terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

# Subnet IDs by the name of their tier.
variable "subnet_ids" {
  type = map(list(string))
}

locals {
  subnets = merge([for tier, ids in var.subnet_ids : { for id in ids : id => tier }]...)
}

data "simcloud_subnet" "this" {
  for_each = local.subnets
  id       = each.key
}

# Each tier's answers, in the order of its subnet IDs.
output "is_public" {
  value = { for tier, ids in var.subnet_ids : tier => [for id in ids : data.simcloud_subnet.this[id].is_public] }
}

output "ipv4_outbound_reasons" {
  value = { for tier, ids in var.subnet_ids : tier => [for id in ids : data.simcloud_subnet.this[id].internet_access.ipv4_outbound_reason] }
}
