package cloud_test

import (
	"context"
	"slices"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// A new group has AWS's outbound rule to 0.0.0.0/0 unless the input manages
// outbound rules, as the AWS provider's does when it removes that rule.
func TestCreateSecurityGroupDefaultEgress(t *testing.T) {
	c := freshClient(t)
	ctx := context.Background()
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	asAWS := groupInput(vpc.ID, "as-aws")
	asAWS.ManageEgress = false
	g := must(c.CreateSecurityGroup(ctx, asAWS))(t)
	if got := ruleLines(g); !slices.Equal(got, []string{"egress=true -1 -1--1 0.0.0.0/0"}) {
		t.Errorf("a group made as AWS makes it has rules %q", got)
	}
	managed := groupInput(vpc.ID, "managed")
	managed.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "all", CIDRIPv4: "10.0.0.0/16"}, {IPProtocol: "-1", ReferencedGroupID: cloud.SelfReference}}
	g = must(c.CreateSecurityGroup(ctx, managed))(t)
	want := []string{"egress=false -1 -1--1 10.0.0.0/16", "egress=false -1 -1--1 self"}
	if got := ruleLines(g); !slices.Equal(got, want) {
		t.Errorf("a group that manages its rules has %q, want %q", got, want)
	}
}

// Replacing the rules keeps the rules that stay, with their IDs, changes
// only the direction the input manages, and keeps protocols as AWS names
// them.
func TestUpdateSecurityGroupReplacesRules(t *testing.T) {
	c := freshClient(t)
	ctx := context.Background()
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	in := groupInput(vpc.ID, "web")
	in.Ingress = []cloud.SecurityGroupRule{tcpFrom("0.0.0.0/0", 80), tcpFrom("0.0.0.0/0", 443)}
	in.Egress = []cloud.SecurityGroupRule{{IPProtocol: "-1", CIDRIPv4: "0.0.0.0/0"}}
	g := must(c.CreateSecurityGroup(ctx, in))(t)
	kept := ""
	for _, r := range g.Rules {
		if r.FromPort == 443 {
			kept = r.ID
		}
	}
	in.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "6", FromPort: 443, ToPort: 443, CIDRIPv4: "0.0.0.0/0"}, {IPProtocol: "17", FromPort: 53, ToPort: 53, CIDRIPv4: "10.0.0.0/8"}}
	in.ManageEgress, in.Egress = false, nil
	g = must(c.UpdateSecurityGroup(ctx, g.ID, in))(t)
	want := []string{"egress=false tcp 443-443 0.0.0.0/0", "egress=false udp 53-53 10.0.0.0/8", "egress=true -1 -1--1 0.0.0.0/0"}
	if got := ruleLines(g); !slices.Equal(got, want) {
		t.Errorf("rules after the update: %q, want %q", got, want)
	}
	if !slices.ContainsFunc(g.Rules, func(r cloud.SecurityGroupRule) bool { return r.ID == kept }) {
		t.Errorf("the rule for 443, which stayed, lost its ID %s: %+v", kept, g.Rules)
	}
}

func TestSecurityGroupRuleValues(t *testing.T) {
	c, vpc := clientWithVPC(t)
	for _, tc := range []struct {
		name string
		rule cloud.SecurityGroupRule
		code string
	}{
		{"tcp range", tcpFrom("0.0.0.0/0", 22), ""},
		{"ports reversed", cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 90, ToPort: 80, CIDRIPv4: "0.0.0.0/0"}, "InvalidParameterValue"},
		{"port too high", cloud.SecurityGroupRule{IPProtocol: "udp", FromPort: 0, ToPort: 65536, CIDRIPv4: "0.0.0.0/0"}, "InvalidParameterValue"},
		{"any ICMP", cloud.SecurityGroupRule{IPProtocol: "icmp", FromPort: -1, ToPort: -1, CIDRIPv4: "0.0.0.0/0"}, ""},
		{"ICMP echo", cloud.SecurityGroupRule{IPProtocol: "icmp", FromPort: 8, ToPort: 0, CIDRIPv4: "0.0.0.0/0"}, ""},
		{"ICMP code of every type", cloud.SecurityGroupRule{IPProtocol: "icmp", FromPort: -1, ToPort: 3, CIDRIPv4: "0.0.0.0/0"}, "InvalidParameterValue"},
		{"ICMP type out of range", cloud.SecurityGroupRule{IPProtocol: "icmpv6", FromPort: 256, ToPort: 0, CIDRIPv6: "::/0"}, "InvalidParameterValue"},
		{"all with ports", cloud.SecurityGroupRule{IPProtocol: "-1", FromPort: 22, ToPort: 22, CIDRIPv4: "0.0.0.0/0"}, "InvalidParameterValue"},
		{"protocol number", cloud.SecurityGroupRule{IPProtocol: "50", CIDRIPv4: "0.0.0.0/0"}, ""},
		{"protocol number out of range", cloud.SecurityGroupRule{IPProtocol: "256", CIDRIPv4: "0.0.0.0/0"}, "InvalidParameterValue"},
		{"host bits", cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 1, ToPort: 1, CIDRIPv4: "10.0.0.1/24"}, "InvalidParameterValue"},
		{"unknown group", cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 1, ToPort: 1, ReferencedGroupID: "sg-0123456789abcdef0"}, "InvalidGroup.NotFound"},
		// At plan, a rule whose ports are known only after apply has its
		// protocol unknown too (see the glue's sgRules): nothing is refused
		// for ports that merely read as 0, and its block is still checked.
		{"unknown ports", cloud.SecurityGroupRule{IPProtocol: cloud.Unknown, CIDRIPv4: "0.0.0.0/0"}, ""},
		{"unknown ports, host bits", cloud.SecurityGroupRule{IPProtocol: cloud.Unknown, CIDRIPv4: "10.0.0.1/24"}, "InvalidParameterValue"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := groupInput(vpc.ID, "g")
			in.Ingress = []cloud.SecurityGroupRule{tc.rule}
			p := cloud.NewPlan()
			err := c.CheckSecurityGroup(context.Background(), p, p.NewHolder(), in, "")
			if tc.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantCode(t, err, tc.code)
		})
	}
}

// A rule of a group that refers to another keeps the other from being
// deleted, unless the referring group goes first; revoking a group's own
// rules on delete lets two groups that refer to each other go.
func TestDeleteSecurityGroupReferences(t *testing.T) {
	c := freshClient(t)
	ctx := context.Background()
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	a := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "a")))(t)
	in := groupInput(vpc.ID, "b")
	in.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 1, ToPort: 1, ReferencedGroupID: a.ID}}
	b := must(c.CreateSecurityGroup(ctx, in))(t)
	in = groupInput(vpc.ID, "a")
	in.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 1, ToPort: 1, ReferencedGroupID: b.ID}}
	must(c.UpdateSecurityGroup(ctx, a.ID, in))(t)

	wantCode(t, c.DeleteSecurityGroup(ctx, a.ID), "DependencyViolation")
	wantCode(t, c.DeleteSecurityGroup(ctx, b.ID), "DependencyViolation")
	// a's delete is refused, b's rule still referring to it, but its own
	// rules are revoked, so that b can go, then a.
	wantCode(t, c.RevokeAndDeleteSecurityGroup(ctx, a.ID), "DependencyViolation")
	noErr(t, c.RevokeAndDeleteSecurityGroup(ctx, b.ID))
	noErr(t, c.DeleteSecurityGroup(ctx, a.ID))
	if err := c.DeleteVPC(ctx, vpc.ID); err != nil {
		t.Fatalf("the VPC, its groups gone: %v", err)
	}
}

// A rule revoked by its ID goes, and only it; an unknown or malformed ID,
// or a rule of another account, is refused with AWS's codes.
func TestRevokeSecurityGroupRule(t *testing.T) {
	st, _ := openStore(t)
	c := newClient(t, st, defaultScope)
	ctx := context.Background()
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	in := groupInput(vpc.ID, "web")
	in.Ingress = []cloud.SecurityGroupRule{tcpFrom("0.0.0.0/0", 80), tcpFrom("0.0.0.0/0", 443)}
	g := must(c.CreateSecurityGroup(ctx, in))(t)
	var https cloud.SecurityGroupRule
	for _, r := range g.Rules {
		if r.FromPort == 443 {
			https = r
		}
	}
	revoked := must(c.RevokeSecurityGroupRule(ctx, https.ID))(t)
	if revoked != https {
		t.Errorf("revoked %+v, want %+v", revoked, https)
	}
	g = must(c.SecurityGroup(ctx, g.ID))(t)
	if got := ruleLines(g); !slices.Equal(got, []string{"egress=false tcp 80-80 0.0.0.0/0"}) {
		t.Errorf("rules after the revoke: %q", got)
	}
	_, err := c.RevokeSecurityGroupRule(ctx, https.ID)
	wantCode(t, err, "InvalidSecurityGroupRuleId.NotFound")
	_, err = c.RevokeSecurityGroupRule(ctx, g.ID)
	wantCode(t, err, "InvalidSecurityGroupRuleId.Malformed")
	other := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion})
	_, err = other.RevokeSecurityGroupRule(ctx, g.Rules[0].ID)
	wantCode(t, err, "InvalidSecurityGroupRuleId.NotFound")
	if len(must(c.SecurityGroup(ctx, g.ID))(t).Rules) != 1 {
		t.Error("a refused revoke changed the group")
	}
}
