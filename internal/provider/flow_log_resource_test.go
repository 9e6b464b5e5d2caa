package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// flowLogsStack is what the VPC module makes for flow logs to CloudWatch:
// a log group, a role that VPC Flow Logs assumes, a policy that lets it
// write, attached, and the flow log of the VPC. trust is the role's
// assume_role_policy.
func flowLogsStack(trust string, flowLog ...string) string {
	return tfVPC("main", "10.0.0.0/16") +
		tfResource("cloudwatch_log_group", "flow", `name = "/aws/vpc-flow-log/main"`, "retention_in_days = 7") +
		tfResource("iam_role", "flow", `name = "vpc-flow-log-role"`, "assume_role_policy = "+trust, `tags = { Name = "flow" }`) +
		tfResource("iam_policy", "flow", `name_prefix = "vpc-flow-log-to-cloudwatch-"`, "delay_after_policy_creation_in_ms = 10",
			`policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }] })`) +
		tfResource("iam_role_policy_attachment", "flow", "role = simcloud_iam_role.flow.name", "policy_arn = simcloud_iam_policy.flow.arn") +
		tfResource("iam_role_policy", "flow", `name = "describe"`, "role = simcloud_iam_role.flow.id",
			`policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "logs:Describe*", Resource = "*" }] })`) +
		tfResource("flow_log", "main", append([]string{"vpc_id = " + tfID("vpc", "main"), `traffic_type = "ALL"`,
			"log_destination = simcloud_cloudwatch_log_group.flow.arn", "iam_role_arn = simcloud_iam_role.flow.arn"}, flowLog...)...)
}

const (
	trustJSON = `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "vpc-flow-logs.amazonaws.com" } }] })`
	// trustReordered says the same as trustJSON, written another way.
	trustReordered = `"{\"Statement\": [{\"Principal\": {\"Service\": [\"vpc-flow-logs.amazonaws.com\"]}, \"Action\": [\"sts:AssumeRole\"], \"Effect\": \"Allow\"}], \"Version\": \"2012-10-17\"}"`
)

func TestAccFlowLog_cloudWatchStack(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(flowLogsStack(trustJSON))
	ctx := context.Background()
	unitTest(t,
		createStep(config, "simcloud_flow_log.main", `^fl-[0-9a-f]{17}$`,
			attrIs("simcloud_flow_log.main", "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/fl-`)),
			attrIs("simcloud_flow_log.main", "log_destination_type", knownvalue.StringExact("cloud-watch-logs")),
			attrIs("simcloud_flow_log.main", "max_aggregation_interval", knownvalue.Int64Exact(600)),
			attrIs("simcloud_iam_role.flow", "arn", knownvalue.StringExact("arn:aws:iam::123456789012:role/vpc-flow-log-role")),
			attrIs("simcloud_iam_role.flow", "id", knownvalue.StringExact("vpc-flow-log-role")),
			attrIs("simcloud_iam_role.flow", "unique_id", matching(`^AROA[A-Z2-7]{17}$`)),
			attrIs("simcloud_iam_policy.flow", "policy_id", matching(`^ANPA[A-Z2-7]{17}$`)),
			attrIs("simcloud_iam_policy.flow", "name", matching(`^vpc-flow-log-to-cloudwatch-`)),
			attrIs("simcloud_iam_policy.flow", "delay_after_policy_creation_in_ms", knownvalue.Int64Exact(10)),
			attrIs("simcloud_iam_role_policy.flow", "id", knownvalue.StringExact("vpc-flow-log-role:describe")),
			attrIs("simcloud_cloudwatch_log_group.flow", "arn", knownvalue.StringExact("arn:aws:logs:us-east-1:123456789012:log-group:/aws/vpc-flow-log/main")),
		),
		// The attachment count is read after the attachment is made.
		resource.TestStep{Config: config, ConfigStateChecks: []statecheck.StateCheck{
			attrIs("simcloud_iam_policy.flow", "attachment_count", knownvalue.Int64Exact(1)),
		}},
		// An equivalent trust policy, written another way, is no change.
		resource.TestStep{Config: c.config(flowLogsStack(trustReordered)), ConfigPlanChecks: expectEmptyPlan},
		importStep("simcloud_iam_role.flow", "force_detach_policies"),
		importStep("simcloud_iam_policy.flow", "delay_after_policy_creation_in_ms"),
		importStepBy("simcloud_iam_role_policy_attachment.flow", func(s *terraformState) (string, error) {
			a := s.RootModule().Resources["simcloud_iam_role_policy_attachment.flow"].Primary.Attributes
			return a["role"] + "/" + a["policy_arn"], nil
		}),
		importStep("simcloud_iam_role_policy.flow"),
		importStep("simcloud_cloudwatch_log_group.flow", "skip_destroy"),
		importStep("simcloud_flow_log.main"),
		// Deleted out of band, the flow log is planned again.
		driftStep(t, func() error {
			return c.client.DeleteObject(ctx, onlyOne[cloud.FlowLog](t, c, "flow log", cloud.FlowLogFilter{}).ID)
		}, config, "simcloud_flow_log.main", actionCreate),
		// Tags change in place.
		actionStep(c.config(flowLogsStack(trustJSON, `tags = { Name = "main" }`)), "simcloud_flow_log.main", actionUpdate),
	)
}

func TestAccFlowLog_refusedAtPlan(t *testing.T) {
	c := newTestCloud(t)
	vpc := tfVPC("main", "10.0.0.0/16")
	flowLog := func(arguments ...string) string {
		return c.config(vpc + tfResource("flow_log", "main", arguments...))
	}
	unitTest(t,
		planFails(flowLog(`traffic_type = "ALL"`, `log_destination_type = "s3"`, `log_destination = "arn:aws:s3:::b"`),
			"Exactly one of vpc_id, subnet_id, eni_id"),
		planFails(flowLog("vpc_id = "+tfID("vpc", "main"), `traffic_type = "ALL"`, `log_destination = "arn:aws:logs:us-east-1:123456789012:log-group:x"`),
			"InvalidParameter", "DeliverLogsPermissionArn is required"),
		planFails(flowLog("vpc_id = "+tfID("vpc", "main"), `traffic_type = "ALL"`, `log_destination = "arn:aws:logs:us-east-1:123456789012:log-group:x"`,
			`iam_role_arn = "arn:aws:iam::123456789012:role/missing"`), "NoSuchEntity", "The role with name", "cannot be found"),
		planFails(flowLog("vpc_id = "+tfID("vpc", "main"), `traffic_type = "SOME"`, `log_destination_type = "s3"`, `log_destination = "arn:aws:s3:::b"`),
			"Invalid traffic type"),
		planFails(flowLog("vpc_id = "+tfID("vpc", "main"), `traffic_type = "ALL"`, `log_destination_type = "s3"`, `log_destination = "arn:aws:s3:::b"`,
			"max_aggregation_interval = 120"), "Invalid max aggregation interval"),
		planFails(c.config(tfResource("iam_role", "bad", `name = "has space"`, "assume_role_policy = "+trustJSON)), "ValidationError"),
		planFails(c.config(tfResource("iam_role", "bad", `name = "ok"`, `assume_role_policy = "{not json"`)), "MalformedPolicyDocument"),
		planFails(c.config(tfResource("cloudwatch_log_group", "bad", `name = "x"`, "retention_in_days = 2")), "InvalidParameterException", "retentionInDays"),
		planFails(c.config(tfResource("iam_role_policy_attachment", "bad", `role = "nobody"`, `policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"`)),
			"NoSuchEntity", "The role with name nobody cannot be found"),
		planFails(c.config(tfResource("cloudwatch_log_group", "a", `name = "same"`)+tfResource("cloudwatch_log_group", "b", `name = "same"`)),
			"ResourceAlreadyExistsException"),
	)
}

// TestAccIAMRole_deleteConflict: a role whose policy is attached outside
// Terraform is not deleted unless force_detach_policies, and a policy
// attached to a role is not deleted.
func TestAccIAMRole_deleteConflict(t *testing.T) {
	c := newTestCloud(t)
	ctx := context.Background()
	role := func(force string) string {
		return c.config(tfResource("iam_role", "r", `name = "r"`, "assume_role_policy = "+trustJSON, "force_detach_policies = "+force))
	}
	attach := func() {
		if _, err := c.client.AttachRolePolicy(ctx, "r", "arn:aws:iam::aws:policy/ReadOnlyAccess"); err != nil {
			t.Fatal(err)
		}
	}
	unitTest(t,
		resource.TestStep{Config: role("false")},
		// The trust policy and the tags change in place.
		resource.TestStep{
			Config: c.config(tfResource("iam_role", "r", `name = "r"`, "assume_role_policy = "+strings.ReplaceAll(trustJSON, "vpc-flow-logs", "ec2"),
				"force_detach_policies = false", `description = "for EC2"`, `tags = { Name = "r" }`)),
			ConfigPlanChecks: expectPlanAction("simcloud_iam_role.r", actionUpdate),
			Check: func(*terraformState) error {
				r, err := c.client.IAMRole(ctx, "r")
				if err != nil || !strings.Contains(r.AssumeRolePolicy, "ec2.amazonaws.com") || r.Description != "for EC2" || r.Tags["Name"] != "r" {
					t.Errorf("role in the cloud: %+v (%v)", r, err)
				}
				return nil
			},
		},
		// Deleted out of band, the role is planned again.
		driftStep(t, func() error { return c.client.DeleteIAMRole(ctx, "r", false) }, role("false"), "simcloud_iam_role.r", actionCreate),
		resource.TestStep{PreConfig: attach, Config: role("false"), Destroy: true, ExpectError: expectError("DeleteConflict", "must detach all policies first")},
		resource.TestStep{Config: role("true")},
		resource.TestStep{Config: role("true"), Destroy: true},
	)
}

// TestAccFlowLog_asTheVPCModuleMakesIt: the VPC module's flow log to
// CloudWatch, as it sets the arguments: nulls for what it leaves to the
// provider, names from prefixes, and a permissions policy whose resources
// are known only after apply.
func TestAccFlowLog_asTheVPCModuleMakesIt(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfVPC("main", "10.0.0.0/16") + `
data "simcloud_iam_policy_document" "assume" {
  statement {
    sid = "AWSVPCFlowLogsAssumeRole"
    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
  }
}

resource "simcloud_cloudwatch_log_group" "flow_log" {
  region            = null
  name              = "/aws/vpc-flow-log/${simcloud_vpc.main.id}"
  retention_in_days = null
  kms_key_id        = null
  skip_destroy      = false
  log_group_class   = null
  tags              = { Name = "main" }
}

resource "simcloud_iam_role" "flow_log" {
  name                 = null
  name_prefix          = "vpc-flow-log-role-"
  path                 = null
  assume_role_policy   = data.simcloud_iam_policy_document.assume.json
  permissions_boundary = null
}

data "simcloud_iam_policy_document" "push" {
  statement {
    sid       = "AWSVPCFlowLogsPushToCloudWatch"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"]
    resources = ["${simcloud_cloudwatch_log_group.flow_log.arn}:*"]
  }
}

resource "simcloud_iam_policy" "flow_log" {
  name        = null
  name_prefix = "vpc-flow-log-to-cloudwatch-"
  policy      = data.simcloud_iam_policy_document.push.json
}

resource "simcloud_iam_role_policy_attachment" "flow_log" {
  role       = simcloud_iam_role.flow_log.name
  policy_arn = simcloud_iam_policy.flow_log.arn
}

resource "simcloud_flow_log" "main" {
  region                     = null
  log_destination_type       = "cloud-watch-logs"
  log_destination            = simcloud_cloudwatch_log_group.flow_log.arn
  log_format                 = null
  iam_role_arn               = simcloud_iam_role.flow_log.arn
  deliver_cross_account_role = null
  traffic_type               = "ALL"
  vpc_id                     = simcloud_vpc.main.id
  max_aggregation_interval   = 600
}
`)
	unitTest(t,
		resource.TestStep{Config: config, ConfigStateChecks: []statecheck.StateCheck{
			attrIs("simcloud_iam_role.flow_log", "name", matching(`^vpc-flow-log-role-[0-9]{16}[0-9a-f]{10}$`)),
			attrIs("simcloud_iam_role.flow_log", "path", knownvalue.StringExact("/")),
			attrIs("simcloud_cloudwatch_log_group.flow_log", "retention_in_days", knownvalue.Int64Exact(0)),
			attrIs("simcloud_flow_log.main", "log_format", knownvalue.StringExact(defaultFlowLogFormat)),
		}},
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
	)
}
