# Where a VPC's flow log sends its records, kept for a week.
resource "simcloud_cloudwatch_log_group" "flow_log" {
  name              = "/aws/vpc-flow-log/main"
  retention_in_days = 7

  tags = {
    Name = "flow-log"
  }
}
