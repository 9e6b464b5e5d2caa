# As in the AWS provider: the interface's ID, an underscore, and the group's ID.
terraform import simcloud_network_interface_sg_attachment.monitoring eni-0123456789abcdef0_sg-0123456789abcdef0
