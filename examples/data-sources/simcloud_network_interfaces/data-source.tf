# Every interface that uses a security group.
data "simcloud_network_interfaces" "web" {
  filter {
    name   = "group-id"
    values = ["sg-0123456789abcdef0"]
  }
}

output "web_interface_count" {
  value = length(data.simcloud_network_interfaces.web.ids)
}
