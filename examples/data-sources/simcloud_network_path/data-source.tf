variable "subnet_id" { type = string }

# Can the subnet open connections to the internet over IPv4? Read live at
# every plan.
data "simcloud_network_path" "outbound" {
  subnet_id  = var.subnet_id
  direction  = "outbound"
  ip_version = "ipv4"
}

# Can the internet open connections to the subnet over IPv4?
data "simcloud_network_path" "inbound" {
  subnet_id  = var.subnet_id
  direction  = "inbound"
  ip_version = "ipv4"
}

# A check block warns at every plan and apply when the path breaks, and says
# where and what would fix it.
check "subnet_reaches_the_internet" {
  assert {
    condition     = data.simcloud_network_path.outbound.reachable
    error_message = "No way out over IPv4: ${data.simcloud_network_path.outbound.breaks_at}. ${data.simcloud_network_path.outbound.fix}"
  }
}

# The hops of the way out, such as "subnet subnet-…", "route_table rtb-…",
# "nat_gateway nat-…", "internet_gateway igw-…", "internet".
output "outbound_hops" {
  value = [for h in data.simcloud_network_path.outbound.hops : trimspace("${h.kind} ${h.id}")]
}

output "inbound_reachable" {
  value = data.simcloud_network_path.inbound.reachable
}

# Where the way in stops, or "" when it gets through.
output "inbound_breaks_at" {
  value = data.simcloud_network_path.inbound.breaks_at
}

# Between two ends, through network ACLs and security groups too: can the
# internet open SSH connections to the subnet (a host in it), and do the
# replies get back out?
data "simcloud_network_path" "ssh_in" {
  source      = "internet"
  destination = var.subnet_id
  protocol    = "tcp"
  port        = 22
  ip_version  = "ipv4"
}

# Each hop names the rule that let the traffic through, such as
# "network_acl acl-…: rule 100 allows all traffic from 0.0.0.0/0 inbound".
output "ssh_in_hops" {
  value = [for h in data.simcloud_network_path.ssh_in.hops : trimspace("${h.kind} ${h.id}: ${h.detail}")]
}

output "ssh_in_breaks_at" {
  value = data.simcloud_network_path.ssh_in.breaks_at
}
