# Every running instance of the app tier.
data "simcloud_instances" "app" {
  instance_tags = {
    Tier = "app"
  }
  instance_state_names = ["running"]
}

output "app_private_ips" {
  value = data.simcloud_instances.app.private_ips
}
