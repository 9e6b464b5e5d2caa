# A key pair is imported by its name.
terraform import simcloud_key_pair.deployer deployer
