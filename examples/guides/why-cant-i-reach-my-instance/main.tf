# The classic tutorial: a VPC, a public subnet routed to an internet
# gateway, an instance whose security group lets SSH and HTTP in, and an
# elastic IP that gives it the public address the gateway translates to.
# The subnet maps no public address on launch, so the elastic IP is what
# makes the instance reachable. internal/provider's
# TestAccWhyCantIReachMyInstance applies this file, then breaks it link by
# link as the guide "Why can't I reach my instance?" does.

data "simcloud_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"] # Canonical

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd*/ubuntu-*-amd64-server-*"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = false
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}

resource "simcloud_security_group" "web" {
  name   = "web"
  vpc_id = simcloud_vpc.main.id

  ingress {
    description = "SSH"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "HTTP"
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "simcloud_instance" "web" {
  ami                    = data.simcloud_ami.ubuntu.id
  instance_type          = "t3.micro"
  subnet_id              = simcloud_subnet.public.id
  vpc_security_group_ids = [simcloud_security_group.web.id]
}

resource "simcloud_eip" "web" {
  instance = simcloud_instance.web.id
  domain   = "vpc"
}

# Read after everything it crosses is in place: a data source is read at
# plan unless something it depends on changes in the same apply.
data "simcloud_network_path" "ssh" {
  source      = "internet"
  destination = simcloud_instance.web.id
  protocol    = "tcp"
  port        = 22
  ip_version  = "ipv4"

  depends_on = [simcloud_route_table_association.public, simcloud_eip.web]
}

output "ssh" {
  value = data.simcloud_network_path.ssh.reachable ? "reachable" : "${data.simcloud_network_path.ssh.breaks_at}. ${data.simcloud_network_path.ssh.fix}"
}
