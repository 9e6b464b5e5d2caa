data "simcloud_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

# The role VPC Flow Logs assumes to write a VPC's flow log to CloudWatch Logs.
resource "simcloud_iam_role" "flow_log" {
  name_prefix        = "vpc-flow-log-role-"
  assume_role_policy = data.simcloud_iam_policy_document.assume.json

  tags = {
    Name = "flow-log"
  }
}
