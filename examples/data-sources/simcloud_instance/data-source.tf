# The instance named web in a VPC, by filter blocks as with the AWS provider.
data "simcloud_instance" "web" {
  filter {
    name   = "tag:Name"
    values = ["web"]
  }
  filter {
    name   = "instance-state-name"
    values = ["running"]
  }
}

output "web_private_ip" {
  value = data.simcloud_instance.web.private_ip
}

output "web_primary_interface" {
  value = data.simcloud_instance.web.network_interface_id
}
