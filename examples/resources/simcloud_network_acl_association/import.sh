# An association is imported by its ID, as with aws_network_acl_association.
terraform import simcloud_network_acl_association.private aclassoc-0123456789abcdef0
