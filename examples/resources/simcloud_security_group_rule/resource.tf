resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_security_group" "app" {
  name   = "app"
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_security_group" "lb" {
  name   = "lb"
  vpc_id = simcloud_vpc.main.id
}

# Two rules in the cloud, one per block.
resource "simcloud_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = simcloud_security_group.app.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16", "192.168.0.0/16"]
  description       = "HTTPS from the VPC and the office"
}

# Traffic from the load balancers' group.
resource "simcloud_security_group_rule" "from_lb" {
  type                     = "ingress"
  security_group_id        = simcloud_security_group.app.id
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = simcloud_security_group.lb.id
}
