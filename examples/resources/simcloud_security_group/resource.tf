resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# The web tier: HTTP and HTTPS from anywhere, SSH from one address.
resource "simcloud_security_group" "web" {
  name        = "web"
  description = "Web servers"
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
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.7/32"]
  }

  # Without this block the group would have no outbound rule at all.
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    Name = "web"
  }
}

# The application tier takes traffic from the web tier only, by group.
resource "simcloud_security_group" "app" {
  name_prefix = "app-"
  vpc_id      = simcloud_vpc.main.id

  ingress {
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
