resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# A VPC takes at most one internet gateway. A second one for the same VPC
# fails at plan with InvalidParameterValue.
resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id

  tags = {
    Name = "main"
  }
}
