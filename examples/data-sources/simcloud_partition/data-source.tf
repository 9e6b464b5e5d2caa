data "simcloud_partition" "current" {}

data "simcloud_caller_identity" "current" {}

# An ARN written for whichever partition the provider's region is in.
output "vpc_arn_prefix" {
  value = "arn:${data.simcloud_partition.current.partition}:ec2:us-east-1:${data.simcloud_caller_identity.current.account_id}:vpc/"
}

output "dns_suffix" {
  value = data.simcloud_partition.current.dns_suffix
}
