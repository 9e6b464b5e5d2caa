resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "public" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "simcloud_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = simcloud_subnet.public.id
}

resource "simcloud_eip" "web" {
  domain = "vpc"
}

resource "simcloud_eip_association" "web" {
  allocation_id = simcloud_eip.web.id
  instance_id   = simcloud_instance.web.id
}
