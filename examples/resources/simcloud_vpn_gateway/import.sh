# A virtual private gateway is imported by its ID.
terraform import simcloud_vpn_gateway.main vgw-0123456789abcdef0
