# Adopts the region's default VPC, making it where the region has none.
resource "simcloud_default_vpc" "default" {
  tags = {
    Name = "Default VPC"
  }
}

# Its default security group, adopted with no rules, as
# terraform-aws-modules/vpc's manage_default_security_group does.
resource "simcloud_default_security_group" "default" {
  vpc_id = simcloud_default_vpc.default.id
}
