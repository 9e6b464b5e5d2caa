# The AWS-managed prefix list of S3 in the provider's region, the destination of Gateway endpoints' routes.
data "simcloud_prefix_list" "s3" {
  name = "com.amazonaws.us-east-1.s3"
}

output "s3_blocks" {
  value = data.simcloud_prefix_list.s3.cidr_blocks
}
