resource "simcloud_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}

resource "simcloud_security_group" "web" {
  name   = "web"
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_instance" "web" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = simcloud_subnet.public.id
  private_ip             = "10.0.1.10"
  vpc_security_group_ids = [simcloud_security_group.web.id]
  user_data              = "#!/bin/sh\necho hello"

  tags = {
    Name = "web"
  }
}
