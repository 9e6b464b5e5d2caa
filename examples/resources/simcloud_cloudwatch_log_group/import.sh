# A log group is imported by its name.
terraform import simcloud_cloudwatch_log_group.flow_log /aws/vpc-flow-log/main
