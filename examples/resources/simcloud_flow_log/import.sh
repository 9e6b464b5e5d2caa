# A flow log is imported by its ID.
terraform import simcloud_flow_log.main fl-0123456789abcdef0
