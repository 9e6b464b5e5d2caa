resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "app" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "simcloud_subnet" "management" {
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = simcloud_subnet.app.availability_zone
}

resource "simcloud_instance" "firewall" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m5.large"
  subnet_id     = simcloud_subnet.app.id
}

# A second interface, in another subnet of the same zone.
resource "simcloud_network_interface" "management" {
  subnet_id = simcloud_subnet.management.id
}

resource "simcloud_network_interface_attachment" "management" {
  instance_id          = simcloud_instance.firewall.id
  network_interface_id = simcloud_network_interface.management.id
  device_index         = 1
}
