# A peering connection is imported by its ID.
terraform import simcloud_vpc_peering_connection.app_shared pcx-0123456789abcdef0
