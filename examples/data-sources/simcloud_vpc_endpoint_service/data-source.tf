# S3 has a Gateway and an Interface service: the filter picks one.
data "simcloud_vpc_endpoint_service" "s3" {
  service = "s3"

  filter {
    name   = "service-type"
    values = ["Interface"]
  }
}

output "s3_interface" {
  value = data.simcloud_vpc_endpoint_service.s3.private_dns_name
}
