variable "vpc_id" { type = string }

# A VPC's default group, found by its name: every VPC has one, named default.
data "simcloud_security_group" "default" {
  vpc_id = var.vpc_id
  name   = "default"
}

# A group another configuration manages, found by its tags; id, name and
# vpc_id find it as well. Exactly one group must match.
data "simcloud_security_group" "web" {
  vpc_id = var.vpc_id
  tags = {
    Name = "web"
  }
}

output "web_security_group_id" {
  value = data.simcloud_security_group.web.id
}

# By filter blocks of DescribeSecurityGroups: the group of the VPC whose
# name starts with web, as name_prefix = "web" makes them.
data "simcloud_security_group" "web_prefixed" {
  filter {
    name   = "vpc-id"
    values = [var.vpc_id]
  }
  filter {
    name   = "group-name"
    values = ["web*"]
  }
}
