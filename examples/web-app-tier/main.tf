# A web tier and an application tier, filtered the way most AWS networks
# are: security groups say which connections each server accepts, network
# ACLs say which packets may cross a subnet's edge.
#
# - The web group lets HTTP and HTTPS in from anywhere and SSH from one
#   address only (an office, a bastion).
# - The app group lets in only what comes from the web group, on 8080: a
#   rule that names a group follows its members wherever they are.
# - The public subnets get an ACL of their own. ACLs are stateless, so it
#   lets the replies back in on the ephemeral ports 1024-65535; without
#   that rule the plan would warn that replies are dropped.
# - The VPC's default ACL, which every other subnet falls back to, is
#   adopted and narrowed to traffic from inside the VPC.

terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

provider "simcloud" {}

variable "ssh_from" {
  description = "The one address allowed to SSH into the web tier."
  type        = string
  default     = "203.0.113.10/32"
}

locals {
  zones = ["us-east-1a", "us-east-1b"]
}

resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"

  tags = {
    Name = "web-app-tier"
  }
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "public" {
  count = length(local.zones)

  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = cidrsubnet(simcloud_vpc.main.cidr_block, 8, count.index)
  availability_zone       = local.zones[count.index]
  map_public_ip_on_launch = true
}

resource "simcloud_subnet" "app" {
  count = length(local.zones)

  vpc_id            = simcloud_vpc.main.id
  cidr_block        = cidrsubnet(simcloud_vpc.main.cidr_block, 8, 10 + count.index)
  availability_zone = local.zones[count.index]
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
}

resource "simcloud_route_table_association" "public" {
  count = length(local.zones)

  subnet_id      = simcloud_subnet.public[count.index].id
  route_table_id = simcloud_route_table.public.id
}

resource "simcloud_security_group" "web" {
  name        = "web"
  description = "HTTP and HTTPS from anywhere, SSH from one address"
  vpc_id      = simcloud_vpc.main.id

  ingress {
    description = "HTTP"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_from]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "simcloud_security_group" "app" {
  name        = "app"
  description = "The application port, from the web tier only"
  vpc_id      = simcloud_vpc.main.id

  ingress {
    description     = "from the web tier"
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [simcloud_security_group.web.id]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Protocol 6 is TCP. AWS reads an ACL's protocols back as numbers, so
# writing the number keeps the plan of an imported ACL empty.
resource "simcloud_network_acl" "public" {
  vpc_id     = simcloud_vpc.main.id
  subnet_ids = simcloud_subnet.public[*].id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "6"
    from_port  = 80
    to_port    = 80
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "6"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 120
    action     = "allow"
    protocol   = "6"
    from_port  = 22
    to_port    = 22
    cidr_block = var.ssh_from
  }

  # The replies to what the subnets open themselves (package downloads, say).
  ingress {
    rule_no    = 130
    action     = "allow"
    protocol   = "6"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  tags = {
    Name = "public"
  }
}

resource "simcloud_default_network_acl" "main" {
  default_network_acl_id = simcloud_vpc.main.default_network_acl_id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = simcloud_vpc.main.cidr_block
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  tags = {
    Name = "default"
  }
}

output "web_security_group_id" {
  value = simcloud_security_group.web.id
}

output "app_ingress_sources" {
  description = "The groups the app tier accepts connections from."
  value       = flatten([for rule in simcloud_security_group.app.ingress : rule.security_groups])
}

output "public_network_acl_subnets" {
  value = sort(simcloud_network_acl.public.subnet_ids)
}

output "public_subnet_ids" {
  value = sort(simcloud_subnet.public[*].id)
}

output "app_subnet_ids" {
  value = simcloud_subnet.app[*].id
}

output "default_network_acl_id" {
  value = simcloud_vpc.main.default_network_acl_id
}
