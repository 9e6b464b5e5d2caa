# Adopts the default subnet of us-east-1a in the region's default VPC,
# making it where the zone has none.
resource "simcloud_default_subnet" "a" {
  availability_zone = "us-east-1a"

  tags = {
    Name = "Default subnet us-east-1a"
  }
}
