# An elastic IP address is imported by its allocation ID.
terraform import simcloud_eip.nat eipalloc-0123456789abcdef0
