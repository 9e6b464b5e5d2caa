resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

resource "simcloud_network_acl" "public" {
  vpc_id = simcloud_vpc.main.id
  tags   = { Tier = "public" }
}

# Every ACL of the VPC: its default ACL and the public one.
data "simcloud_network_acls" "main" {
  vpc_id     = simcloud_vpc.main.id
  depends_on = [simcloud_network_acl.public]
}

# The ACLs tagged for the public tier.
data "simcloud_network_acls" "public" {
  tags       = { Tier = "public" }
  depends_on = [simcloud_network_acl.public]
}

# The VPC's default ACL, by AWS's default filter.
data "simcloud_network_acls" "default" {
  vpc_id = simcloud_vpc.main.id

  filter {
    name   = "default"
    values = ["true"]
  }
}

output "public_acl_ids" {
  value = data.simcloud_network_acls.public.ids
}
