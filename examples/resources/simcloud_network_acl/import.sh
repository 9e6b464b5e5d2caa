# A network ACL is imported by its ID.
terraform import simcloud_network_acl.public acl-0123456789abcdef0
