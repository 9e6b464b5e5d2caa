# A security group is imported by its ID.
terraform import simcloud_security_group.web sg-0123456789abcdef0
