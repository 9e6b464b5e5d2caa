resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "app" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

# The instance leaves vpc_security_group_ids out: the attachment below
# manages its primary interface's extra group.
resource "simcloud_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = simcloud_subnet.app.id
}

resource "simcloud_security_group" "monitoring" {
  name   = "monitoring"
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_network_interface_sg_attachment" "monitoring" {
  security_group_id    = simcloud_security_group.monitoring.id
  network_interface_id = simcloud_instance.web.primary_network_interface_id
}
