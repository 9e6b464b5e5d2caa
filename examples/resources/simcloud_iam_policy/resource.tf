# Lets whoever it is attached to write flow logs to CloudWatch Logs.
resource "simcloud_iam_policy" "flow_log" {
  name_prefix = "vpc-flow-log-to-cloudwatch-"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"]
      Resource = "*"
    }]
  })
}
