package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const (
	flowLogsTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"vpc-flow-logs.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	logsPolicy    = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}`
)

func roleInput(name string) cloud.IAMRoleInput {
	return cloud.IAMRoleInput{Name: name, Path: "/", AssumeRolePolicy: flowLogsTrust, MaxSessionDuration: 3600}
}

func policyInput(name string) cloud.IAMPolicyInput {
	return cloud.IAMPolicyInput{Name: name, Path: "/", Document: logsPolicy}
}

// s3FlowLog is a flow log of a VPC's traffic to a bucket, which needs no
// role.
func s3FlowLog(vpcID string) cloud.FlowLogInput {
	return cloud.FlowLogInput{Target: cloud.FlowLogTargets[0], ResourceID: vpcID, TrafficType: "ALL", LogDestinationType: "s3",
		LogDestination: "arn:aws:s3:::flow-log-bucket", MaxAggregationInterval: 600}
}

func loggingCatalog() []refusal {
	return []refusal{
		{name: "role name with a space", code: "ValidationError", field: "name", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateIAMRole(bg, roleInput("flow logs")))
			}},
		{name: "trust policy not JSON", code: "MalformedPolicyDocument", field: "assume_role_policy", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := roleInput("flow-logs")
				in.AssumeRolePolicy = `{"Statement": [}`
				p := cloud.NewPlan()
				return nil, c.CheckIAMRole(bg, p, p.NewHolder(), in, "")
			}},
		{name: "role name taken, whatever its case", code: "EntityAlreadyExists", field: "name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				r := must(c.CreateIAMRole(bg, roleInput("flow-logs")))(t)
				p := cloud.NewPlan()
				return []string{r.ARN}, c.CheckIAMRole(bg, p, p.NewHolder(), roleInput("Flow-Logs"), "")
			}},
		{name: "role with an attached policy deleted", code: "DeleteConflict",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				r := must(c.CreateIAMRole(bg, roleInput("flow-logs")))(t)
				a := must(c.AttachRolePolicy(bg, r.Name, "arn:aws:iam::aws:policy/ReadOnlyAccess"))(t)
				return []string{r.ARN, a.Key}, c.DeleteIAMRole(bg, r.Name, false)
			}},
		{name: "attached policy deleted", code: "DeleteConflict",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				r := must(c.CreateIAMRole(bg, roleInput("flow-logs")))(t)
				p := must(c.CreateIAMPolicy(bg, policyInput("logs")))(t)
				must(c.AttachRolePolicy(bg, r.Name, p.ARN))(t)
				return []string{p.ARN, r.ARN}, c.DeleteIAMPolicy(bg, p.ARN)
			}},
		{name: "policy attached to an unknown role", code: "NoSuchEntity", field: "role",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				return []string{"nobody"}, c.CheckIAMRolePolicyAttachment(bg, p, p.NewHolder(), "nobody", "arn:aws:iam::aws:policy/ReadOnlyAccess")
			}},
		{name: "unknown policy attached", code: "NoSuchEntity", field: "policy_arn",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				r := must(c.CreateIAMRole(bg, roleInput("flow-logs")))(t)
				missing := "arn:aws:iam::123456789012:policy/missing"
				_, err := c.AttachRolePolicy(bg, r.Name, missing)
				return []string{missing}, err
			}},
		{name: "policy name taken", code: "EntityAlreadyExists", field: "name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := must(c.CreateIAMPolicy(bg, policyInput("logs")))(t)
				in := policyInput("LOGS")
				in.Path = "/other/"
				_, err := c.CreateIAMPolicy(bg, in)
				return []string{p.ARN}, err
			}},
		{name: "retention not one of CloudWatch's", code: "InvalidParameterException", field: "retention_in_days", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				return nil, c.CheckLogGroup(bg, p, p.NewHolder(), cloud.LogGroupInput{Name: "/vpc/flow", LogGroupClass: "STANDARD", RetentionInDays: 2}, "")
			}},
		{name: "log group name taken in the region", code: "ResourceAlreadyExistsException", field: "name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := cloud.LogGroupInput{Name: "/vpc/flow", LogGroupClass: "STANDARD"}
				g := must(c.CreateLogGroup(bg, in))(t)
				_, err := c.CreateLogGroup(bg, in)
				return []string{g.ARN}, err
			}},
		{name: "unknown log group read", code: "ResourceNotFoundException", field: "name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.LogGroup(bg, "/vpc/none")
				return []string{"/vpc/none"}, err
			}},
		{name: "flow log to CloudWatch with an unknown role", code: "NoSuchEntity", field: "iam_role_arn",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := s3FlowLog(n.vpc.ID)
				in.LogDestinationType, in.LogDestination = "cloud-watch-logs", "arn:aws:logs:us-east-1:123456789012:log-group:flow"
				in.IAMRoleARN = "arn:aws:iam::123456789012:role/missing"
				_, err := c.CreateFlowLog(bg, in)
				return []string{in.IAMRoleARN}, err
			}},
		transitFlowLogRefusal("flow log of a malformed transit gateway ID", "InvalidTransitGatewayID.Malformed", "transit_gateway_id", 3, "tgw-XYZ"),
		transitFlowLogRefusal("flow log of a transit gateway, which the simulated cloud has none of", "InvalidTransitGatewayID.NotFound", "transit_gateway_id", 3, "tgw-0123456789abcdef0"),
		transitFlowLogRefusal("flow log of a malformed transit gateway attachment ID", "InvalidTransitGatewayAttachmentID.Malformed", "transit_gateway_attachment_id", 4, "tgw-attach-XYZ"),
		transitFlowLogRefusal("flow log of an unknown transit gateway attachment", "InvalidTransitGatewayAttachmentID.NotFound", "transit_gateway_attachment_id", 4, "tgw-attach-0123456789abcdef0"),
		{name: "flow log to CloudWatch without a role", code: "InvalidParameter", field: "iam_role_arn", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := s3FlowLog(n.vpc.ID)
				in.LogDestinationType, in.LogDestination = "cloud-watch-logs", ""
				p := cloud.NewPlan()
				return nil, c.CheckFlowLog(bg, p, p.NewHolder(), in)
			}},
		{name: "flow log of a network interface that no NAT gateway has", code: "InvalidNetworkInterfaceID.NotFound", field: "eni_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := s3FlowLog("eni-0123456789abcdef0")
				in.Target = cloud.FlowLogTargets[2]
				p := cloud.NewPlan()
				return []string{"eni-0123456789abcdef0"}, c.CheckFlowLog(bg, p, p.NewHolder(), in)
			}},
		{name: "malformed flow log ID", code: "InvalidFlowLogId.Malformed", field: "id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{"fl-XYZ"}, c.CheckObject(bg, "fl-XYZ")
			}},
		{name: "unknown flow log", code: "InvalidFlowLogId.NotFound", field: "id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{"fl-0123456789abcdef0"}, c.DeleteObject(bg, "fl-0123456789abcdef0")
			}},
	}
}

// TestIAMIsTheAccountsInEveryRegion: a role made in one region is found in
// another and its name is taken there; another account has its own names.
func TestIAMIsTheAccountsInEveryRegion(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	r := must(c.CreateIAMRole(ctx, roleInput("flow-logs")))(t)
	if r.ARN != "arn:aws:iam::123456789012:role/flow-logs" || len(r.UniqueID) != 21 || r.UniqueID[:4] != "AROA" {
		t.Errorf("role ARN %s, unique ID %s", r.ARN, r.UniqueID)
	}
	west := must(c.InRegion("eu-west-1"))(t)
	if _, err := west.IAMRole(ctx, "flow-logs"); err != nil {
		t.Errorf("the role is not found in another region: %v", err)
	}
	if _, err := west.CreateIAMRole(ctx, roleInput("FLOW-LOGS")); cloud.ErrorCode(err) != "EntityAlreadyExists" {
		t.Errorf("same name in another region: %v, want EntityAlreadyExists", err)
	}
	// Log groups are regional: the same name is free in another region.
	in := cloud.LogGroupInput{Name: "/vpc/flow", LogGroupClass: "STANDARD"}
	if _, err := c.CreateLogGroup(ctx, in); err != nil {
		t.Fatal(err)
	}
	if _, err := west.CreateLogGroup(ctx, in); err != nil {
		t.Errorf("a log group name in another region: %v", err)
	}
}

// TestDeleteRoleForceDetach: force_detach_policies removes what a role's
// delete would be refused for, and the policy's attachment count follows.
func TestDeleteRoleForceDetach(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	r := must(c.CreateIAMRole(ctx, roleInput("flow-logs")))(t)
	p := must(c.CreateIAMPolicy(ctx, policyInput("logs")))(t)
	must(c.AttachRolePolicy(ctx, r.Name, p.ARN))(t)
	must(c.PutRolePolicy(ctx, r.Name, "inline", logsPolicy))(t)
	if got := must(c.IAMPolicy(ctx, p.ARN))(t); got.AttachmentCount != 1 {
		t.Errorf("attachment count %d, want 1", got.AttachmentCount)
	}
	if err := c.DeleteIAMRole(ctx, r.Name, true); err != nil {
		t.Fatal(err)
	}
	if got := must(c.IAMPolicy(ctx, p.ARN))(t); got.AttachmentCount != 0 {
		t.Errorf("attachment count %d after the role's delete, want 0", got.AttachmentCount)
	}
	if err := c.DeleteIAMPolicy(ctx, p.ARN); err != nil {
		t.Errorf("deleting the detached policy: %v", err)
	}
}

// TestFlowLogOfANATGatewaysInterface: the network interfaces the cloud has
// are its NAT gateways', and a flow log may watch one.
func TestFlowLogOfANATGatewaysInterface(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	nat := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: subnet.ID, ConnectivityType: cloud.ConnectivityPrivate}))(t)
	in := s3FlowLog(nat.NetworkInterfaceID)
	in.Target = cloud.FlowLogTargets[2]
	if f, err := c.CreateFlowLog(ctx, in); err != nil || f.ResourceType != "NetworkInterface" {
		t.Errorf("flow log of %s: %+v, %v", nat.NetworkInterfaceID, f, err)
	}
}

// TestFlowLogGoesWithItsVPC: deleting a VPC takes its flow logs, as in AWS.
func TestFlowLogGoesWithItsVPC(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	f := must(c.CreateFlowLog(ctx, s3FlowLog(vpc.ID)))(t)
	if err := c.DeleteVPC(ctx, vpc.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.CheckObject(ctx, f.ID); !cloud.IsNotFound(err) {
		t.Errorf("flow log after its VPC's delete: %v, want not found", err)
	}
}

func TestPoliciesEquivalent(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`{"Statement":[{"Action":["s3:Get","s3:Put"],"Effect":"Allow"}]}`, `{ "Statement": {"Effect":"Allow","Action":["s3:Put","s3:Get"]} }`, true},
		{`{"Statement":[{"Action":"s3:Get"}]}`, `{"Statement":[{"Action":["s3:Get"]}]}`, true},
		{`{"Statement":[{"Action":"s3:Get"}]}`, `{"Statement":[{"Action":"s3:Put"}]}`, false},
		{`not json`, `not json`, false},
	} {
		if got := cloud.PoliciesEquivalent(tc.a, tc.b); got != tc.same {
			t.Errorf("PoliciesEquivalent(%s, %s) = %t, want %t", tc.a, tc.b, got, tc.same)
		}
	}
}

// FuzzIAMImportIDs: the import IDs of attachments and inline policies are
// read back as the parts they were made from, or refused; nothing panics.
func FuzzIAMImportIDs(f *testing.F) {
	for _, seed := range []string{"flow-logs/arn:aws:iam::aws:policy/ReadOnlyAccess", "flow-logs:write", "a/b", ":", "/", "role:na:me", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if role, arn, err := cloud.ParseRolePolicyAttachmentImportID(id); err == nil && role+"/"+arn != id {
			t.Errorf("%q read as role %q and policy %q", id, role, arn)
		}
		if role, name, err := cloud.ParseRolePolicyImportID(id); err == nil && role+":"+name != id {
			t.Errorf("%q read as role %q and policy %q", id, role, name)
		}
	})
}

// FuzzPolicyDocuments: any text is a policy document or refused, and a
// document's canonical form is its own canonical form.
func FuzzPolicyDocuments(f *testing.F) {
	for _, seed := range []string{logsPolicy, flowLogsTrust, `{"Statement":{"Principal":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}}`, `[]`, `{`, `"x"`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if n := cloud.NormalizePolicy(doc); n != "" && cloud.NormalizePolicy(n) != n {
			t.Errorf("the canonical form of %q is not canonical: %q", doc, n)
		}
		if d, err := cloud.ParsePolicyDocument(doc); err == nil {
			if _, _, err := d.JSON(); err != nil {
				t.Logf("%q parses but does not write: %v", doc, err)
			}
		}
		_ = cloud.ValidatePolicy(doc, "policy")
	})
}

func TestCheckNameArguments(t *testing.T) {
	for _, tc := range []struct {
		set  map[string]string
		code string
	}{
		{map[string]string{"name": "a", "name_prefix": "b"}, "InvalidParameterCombination"},
		{map[string]string{"name": "a"}, ""},
		// Validated before the module's condition is known, either may
		// turn out null.
		{map[string]string{"name": cloud.Unknown, "name_prefix": cloud.Unknown}, ""},
		{map[string]string{"name": "a", "name_prefix": cloud.Unknown}, ""},
	} {
		if code := cloud.ErrorCode(cloud.CheckNameArguments(tc.set)); code != tc.code {
			t.Errorf("CheckNameArguments(%v) = %q, want %q", tc.set, code, tc.code)
		}
	}
}

// transitFlowLogRefusal is the refusal of a flow log of id, a transit
// gateway (FlowLogTargets[3]) or attachment (FlowLogTargets[4]), of which
// the simulated cloud has none.
func transitFlowLogRefusal(name, code, field string, target int, id string) refusal {
	return refusal{name: name, code: code, field: field,
		trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
			in := s3FlowLog(id)
			in.Target, in.MaxAggregationInterval = cloud.FlowLogTargets[target], 60
			return []string{id}, errOf(c.CreateFlowLog(bg, in))
		}}
}
