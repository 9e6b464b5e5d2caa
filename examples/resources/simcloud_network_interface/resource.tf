resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "app" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

resource "simcloud_security_group" "appliance" {
  name   = "appliance"
  vpc_id = simcloud_vpc.main.id
}

# A firewall appliance's interface: a fixed address, one more chosen by the
# cloud, and no source/destination check, so that it may forward traffic.
resource "simcloud_network_interface" "firewall" {
  subnet_id         = simcloud_subnet.app.id
  private_ip        = "10.0.2.10"
  private_ips_count = 1
  security_groups   = [simcloud_security_group.appliance.id]
  source_dest_check = false
  description       = "firewall"
}

resource "simcloud_route_table" "through_firewall" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block           = "0.0.0.0/0"
    network_interface_id = simcloud_network_interface.firewall.id
  }
}
