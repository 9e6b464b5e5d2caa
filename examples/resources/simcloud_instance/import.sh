# An instance is imported by its ID.
terraform import simcloud_instance.web i-0123456789abcdef0
