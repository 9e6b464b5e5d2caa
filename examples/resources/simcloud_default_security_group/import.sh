# A VPC's default security group is imported by its ID, as with
# aws_default_security_group.
terraform import simcloud_default_security_group.main sg-0123456789abcdef0
