# The accepter is imported by the connection's ID.
terraform import simcloud_vpc_peering_connection_accepter.accept pcx-0123456789abcdef0
