resource "simcloud_iam_role" "flow_log" {
  name = "vpc-flow-log-role"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "vpc-flow-logs.amazonaws.com" } }]
  })
}

# A policy embedded in the role, which goes with it.
resource "simcloud_iam_role_policy" "write_logs" {
  name = "write-logs"
  role = simcloud_iam_role.flow_log.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }]
  })
}
