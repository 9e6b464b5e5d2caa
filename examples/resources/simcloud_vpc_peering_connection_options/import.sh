# The options are imported by the connection's ID.
terraform import simcloud_vpc_peering_connection_options.app_shared pcx-0123456789abcdef0
