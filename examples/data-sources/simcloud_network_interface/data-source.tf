variable "instance_id" {
  type = string
}

# The interface attached at device index 1 of an instance.
data "simcloud_network_interface" "management" {
  filter {
    name   = "attachment.instance-id"
    values = [var.instance_id]
  }
  filter {
    name   = "attachment.device-index"
    values = ["1"]
  }
}

output "management_ip" {
  value = data.simcloud_network_interface.management.private_ip
}
