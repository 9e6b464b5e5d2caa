variable "security_group_id" {
  type = string
}

# Every interface that uses a security group.
data "simcloud_network_interfaces" "web" {
  filter {
    name   = "group-id"
    values = [var.security_group_id]
  }
}

output "web_interface_count" {
  value = length(data.simcloud_network_interfaces.web.ids)
}
