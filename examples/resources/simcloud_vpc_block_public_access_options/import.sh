# The options are imported by their region.
terraform import simcloud_vpc_block_public_access_options.main us-east-1
