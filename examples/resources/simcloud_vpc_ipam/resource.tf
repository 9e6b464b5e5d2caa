# An IPAM that manages addresses in its own region; its private default
# scope holds the pools VPCs take their blocks from.
resource "simcloud_vpc_ipam" "main" {
  description = "addresses of the company's VPCs"

  operating_regions {
    region_name = "us-east-1"
  }

  tags = {
    Name = "main"
  }
}
