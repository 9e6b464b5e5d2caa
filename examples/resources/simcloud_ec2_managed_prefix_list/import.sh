# A prefix list is imported by its ID.
terraform import simcloud_ec2_managed_prefix_list.offices pl-0123456789abcdef0
