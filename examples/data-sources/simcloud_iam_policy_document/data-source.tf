# Who may assume the flow-log role: the VPC Flow Logs service.
data "simcloud_iam_policy_document" "flow_log_assume" {
  statement {
    sid     = "AWSVPCFlowLogsAssumeRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

# What the role may do: write to CloudWatch Logs.
data "simcloud_iam_policy_document" "flow_log_cloudwatch" {
  statement {
    sid = "AWSVPCFlowLogsPushToCloudWatch"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogGroups",
      "logs:DescribeLogStreams",
    ]
    resources = ["*"]
  }
}

output "trust_policy" {
  value = data.simcloud_iam_policy_document.flow_log_assume.json
}
