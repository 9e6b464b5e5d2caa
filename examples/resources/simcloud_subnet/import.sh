# A subnet is imported by its ID.
terraform import simcloud_subnet.public subnet-0123456789abcdef0
