# An association is imported by the subnet's ID and the route table's ID,
# joined by a slash, as with aws_route_table_association.
terraform import simcloud_route_table_association.public subnet-0123456789abcdef0/rtb-0123456789abcdef0
