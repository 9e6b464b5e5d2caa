# A network interface is imported by its ID.
terraform import simcloud_network_interface.firewall eni-0123456789abcdef0
