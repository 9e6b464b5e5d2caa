# An elastic IP address: a public IPv4 address the account keeps until it
# releases it. Simulated addresses come from the documentation ranges
# 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24.
resource "simcloud_eip" "nat" {
  domain = "vpc"

  tags = {
    Name = "nat"
  }
}

# A public NAT gateway takes it as allocation_id. While a gateway uses it,
# releasing it fails with InvalidIPAddress.InUse.
output "nat_public_ip" {
  value = simcloud_eip.nat.public_ip
}
