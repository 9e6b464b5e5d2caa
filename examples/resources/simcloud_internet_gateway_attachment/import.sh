# An attachment is imported by the gateway's ID and the VPC's ID, joined by a colon.
terraform import simcloud_internet_gateway_attachment.main igw-0123456789abcdef0:vpc-0123456789abcdef0
