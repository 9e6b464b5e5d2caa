resource "simcloud_iam_role" "flow_log" {
  name = "vpc-flow-log-role"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "vpc-flow-logs.amazonaws.com" } }]
  })
}

resource "simcloud_iam_policy" "flow_log" {
  name = "vpc-flow-log-to-cloudwatch"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }]
  })
}

resource "simcloud_iam_role_policy_attachment" "flow_log" {
  role       = simcloud_iam_role.flow_log.name
  policy_arn = simcloud_iam_policy.flow_log.arn
}

# AWS's managed policies need no simcloud_iam_policy: they exist already.
resource "simcloud_iam_role_policy_attachment" "read_only" {
  role       = simcloud_iam_role.flow_log.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
