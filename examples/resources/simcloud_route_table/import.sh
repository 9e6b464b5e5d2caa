# A route table is imported by its ID.
terraform import simcloud_route_table.main rtb-0123456789abcdef0
