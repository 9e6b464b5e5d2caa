# A propagation is imported by the gateway's ID and the table's ID, joined by an underscore.
terraform import simcloud_vpn_gateway_route_propagation.private vgw-0123456789abcdef0_rtb-0123456789abcdef0
