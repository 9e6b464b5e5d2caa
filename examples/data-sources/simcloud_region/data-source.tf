# The provider's region.
data "simcloud_region" "current" {}

# A region picked by its EC2 endpoint.
data "simcloud_region" "ireland" {
  endpoint = "ec2.eu-west-1.amazonaws.com"
}

output "region" {
  value = data.simcloud_region.current.region
}

output "description" {
  value = data.simcloud_region.ireland.description
}
