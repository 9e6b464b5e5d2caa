resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_security_group" "web" {
  name   = "web"
  vpc_id = simcloud_vpc.main.id

  tags = {
    tier = "web"
  }
}

# The web groups of the VPC, by tag and filter.
data "simcloud_security_groups" "web" {
  tags = {
    tier = "web"
  }

  filter {
    name   = "vpc-id"
    values = [simcloud_vpc.main.id]
  }

  depends_on = [simcloud_security_group.web]
}

output "web_group_ids" {
  value = data.simcloud_security_groups.web.ids
}
