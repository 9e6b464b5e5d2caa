# A VPC's default network ACL is imported by its ID, as with
# aws_default_network_acl.
terraform import simcloud_default_network_acl.main acl-0123456789abcdef0
