# A role is imported by its name.
terraform import simcloud_iam_role.flow_log vpc-flow-log-role
