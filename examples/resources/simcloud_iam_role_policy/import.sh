# An inline policy is imported by the role's name and its own, joined by a colon.
terraform import simcloud_iam_role_policy.write_logs vpc-flow-log-role:write-logs
