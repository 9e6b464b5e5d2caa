resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }

# Takes over the group the VPC was created with. Its rules become exactly
# these: AWS's default ones (all traffic from the group itself in, all
# traffic out) are removed unless written here, as they are below.
resource "simcloud_default_security_group" "main" {
  vpc_id = simcloud_vpc.main.id

  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    from_port   = 0
    to_port     = 0
  }

  tags = { Name = "default" }
}
