resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_cloudwatch_log_group" "flow_log" {
  name              = "/aws/vpc-flow-log/main"
  retention_in_days = 7
}

data "simcloud_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "simcloud_iam_role" "flow_log" {
  name               = "vpc-flow-log-role"
  assume_role_policy = data.simcloud_iam_policy_document.assume.json
}

data "simcloud_iam_policy_document" "write_logs" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["*"]
  }
}

resource "simcloud_iam_role_policy" "flow_log" {
  name   = "write-logs"
  role   = simcloud_iam_role.flow_log.id
  policy = data.simcloud_iam_policy_document.write_logs.json
}

# Records that every flow of the VPC is to be logged to the group.
resource "simcloud_flow_log" "main" {
  vpc_id                   = simcloud_vpc.main.id
  traffic_type             = "ALL"
  log_destination          = simcloud_cloudwatch_log_group.flow_log.arn
  iam_role_arn             = simcloud_iam_role.flow_log.arn
  max_aggregation_interval = 60

  tags = {
    Name = "main"
  }
}

# To S3 instead: no role, and how the records are written.
resource "simcloud_flow_log" "rejected" {
  vpc_id               = simcloud_vpc.main.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-log-bucket"

  destination_options {
    file_format        = "parquet"
    per_hour_partition = true
  }
}
