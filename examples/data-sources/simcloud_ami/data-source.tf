# The newest Ubuntu LTS server image for x86_64, as AWS's tutorials find it.
data "simcloud_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"] # Canonical

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd*/ubuntu-*-amd64-server-*"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

# The newest Amazon Linux 2023 image for x86_64.
data "simcloud_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

output "ubuntu_ami" {
  value = data.simcloud_ami.ubuntu.id
}
