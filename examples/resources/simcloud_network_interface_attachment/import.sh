# An attachment is imported by its attachment ID.
terraform import simcloud_network_interface_attachment.management eni-attach-0123456789abcdef0
