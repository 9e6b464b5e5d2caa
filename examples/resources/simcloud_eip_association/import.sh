# An association is imported by its ID.
terraform import simcloud_eip_association.web eipassoc-0123456789abcdef0
