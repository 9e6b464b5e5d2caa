# The association is imported by the ID of its VPC, as with
# aws_vpc_dhcp_options_association.
terraform import simcloud_vpc_dhcp_options_association.main vpc-0123456789abcdef0
