# A policy is imported by its ARN.
terraform import simcloud_iam_policy.flow_log arn:aws:iam::123456789012:policy/vpc-flow-log-to-cloudwatch
