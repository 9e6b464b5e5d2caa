# The default route table is imported by the ID of its VPC, as with
# aws_default_route_table.
terraform import simcloud_default_route_table.main vpc-0123456789abcdef0
