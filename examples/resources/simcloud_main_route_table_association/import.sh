# A main route table association is imported by the ID of its VPC. The table
# main at import time is recorded as the original, so destroying the imported
# resource leaves it main.
terraform import simcloud_main_route_table_association.main vpc-0123456789abcdef0
