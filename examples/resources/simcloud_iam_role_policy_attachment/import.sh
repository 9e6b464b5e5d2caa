# An attachment is imported by the role's name and the policy's ARN, joined by a slash.
terraform import simcloud_iam_role_policy_attachment.read_only vpc-flow-log-role/arn:aws:iam::aws:policy/ReadOnlyAccess
