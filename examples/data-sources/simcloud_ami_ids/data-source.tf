# Every Amazon Linux 2023 image for arm64, newest first.
data "simcloud_ami_ids" "al2023_arm64" {
  owners = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-arm64"]
  }
}

output "al2023_arm64_amis" {
  value = data.simcloud_ami_ids.al2023_arm64.ids
}
