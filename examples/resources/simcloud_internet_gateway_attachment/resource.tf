resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# Created detached; the attachment below attaches it.
resource "simcloud_internet_gateway" "main" {}

resource "simcloud_internet_gateway_attachment" "main" {
  internet_gateway_id = simcloud_internet_gateway.main.id
  vpc_id              = simcloud_vpc.main.id
}
