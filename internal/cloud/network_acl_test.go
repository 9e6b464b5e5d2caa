package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func intp(n int) *int { return &n }

func TestNetworkACLLifecycle(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	a := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	b := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.2.0/24"))
	web := cloud.NetworkACLEntrySpec{RuleNumber: 100, Protocol: "TCP", RuleAction: "Allow", CIDRBlock: "0.0.0.0/0", FromPort: intp(443), ToPort: intp(443)}
	acl := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID, ManageIngress: true, ManageSubnets: true,
		Entries: []cloud.NetworkACLEntrySpec{web}, SubnetIDs: []string{a.ID}, Tags: map[string]string{"Name": "web"}}))(t)
	if acl.Default || acl.Tags["Name"] != "web" || len(acl.Associations) != 1 || acl.Associations[0].SubnetID != a.ID {
		t.Fatalf("created ACL %+v", acl)
	}
	// The rule as stored, and the "*" rule of each direction.
	var numbered []cloud.NetworkACLEntry
	stars := 0
	for _, e := range acl.Entries {
		if e.RuleNumber == cloud.DefaultRuleNumber {
			stars++
			continue
		}
		numbered = append(numbered, e)
	}
	if stars != 2 || len(numbered) != 1 || numbered[0].Protocol != "6" || numbered[0].RuleAction != "allow" || *numbered[0].FromPort != 443 {
		t.Fatalf("entries %+v", acl.Entries)
	}
	// An ACL with subnets is refused by a plain delete, as AWS does.
	wantCode(t, c.DeleteObject(ctx, acl.ID), "DependencyViolation")

	// Moving the ACL to subnet b returns a to the default ACL.
	acl = must(c.UpdateNetworkACL(ctx, acl.ID, cloud.NetworkACLInput{ManageSubnets: true, SubnetIDs: []string{b.ID}}))(t)
	if got := must(c.Subnet(ctx, a.ID))(t).NetworkACLID; got != vpc.DefaultNetworkACLID {
		t.Errorf("subnet a on %s after leaving the ACL, want the default %s", got, vpc.DefaultNetworkACLID)
	}
	if len(acl.Entries) != 3 {
		t.Errorf("unmanaged rules changed: %+v", acl.Entries)
	}

	// An association replaces b's, and its undoing returns b to the default.
	other := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID}))(t)
	assoc := must(c.AssociateNetworkACL(ctx, other.ID, b.ID))(t)
	if got := must(c.NetworkACLAssociation(ctx, assoc.ID))(t); got.SubnetID != b.ID || got.NetworkACLID != other.ID {
		t.Errorf("association read as %+v", got)
	}
	if got := must(cloud.Describe[cloud.NetworkACL](c, ctx, acl.ID))(t); len(got.Associations) != 0 {
		t.Errorf("ACL kept its association after it was replaced: %+v", got.Associations)
	}
	must(0, c.DisassociateNetworkACL(ctx, assoc.ID))(t)
	if got := must(c.Subnet(ctx, b.ID))(t).NetworkACLID; got != vpc.DefaultNetworkACLID {
		t.Errorf("subnet b on %s after its association was undone, want the default", got)
	}
	_, err := c.NetworkACLAssociation(ctx, assoc.ID)
	wantCode(t, err, "InvalidAssociationID.NotFound")

	// Destroying an ACL takes its subnets back to the default first.
	must(c.AssociateNetworkACL(ctx, other.ID, a.ID))(t)
	must(0, c.DeleteNetworkACL(ctx, other.ID))(t)
	if got := must(c.Subnet(ctx, a.ID))(t).NetworkACLID; got != vpc.DefaultNetworkACLID {
		t.Errorf("subnet a on %s after its ACL was deleted, want the default", got)
	}
	wantCode(t, c.DeleteNetworkACL(ctx, vpc.DefaultNetworkACLID), "InvalidParameterValue")
}

func TestNetworkACLEntryRules(t *testing.T) {
	tcp := func(from, to int) cloud.NetworkACLEntrySpec {
		return cloud.NetworkACLEntrySpec{RuleNumber: 100, Protocol: "tcp", RuleAction: "allow", CIDRBlock: "10.0.0.0/8", FromPort: &from, ToPort: &to}
	}
	with := func(spec cloud.NetworkACLEntrySpec, change func(*cloud.NetworkACLEntrySpec)) cloud.NetworkACLEntrySpec {
		change(&spec)
		return spec
	}
	for name, tc := range map[string]struct {
		spec cloud.NetworkACLEntrySpec
		code string
	}{
		"fine":           {tcp(80, 80), ""},
		"rule 0":         {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.RuleNumber = 0 }), "InvalidParameterValue"},
		"rule 32767":     {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.RuleNumber = 32767 }), "InvalidParameterValue"},
		"rule 32766":     {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.RuleNumber = 32766 }), ""},
		"action":         {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.RuleAction = "permit" }), "InvalidParameterValue"},
		"protocol name":  {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.Protocol = "smtp" }), "InvalidParameterValue"},
		"protocol 256":   {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.Protocol = "256" }), "InvalidParameterValue"},
		"ports reversed": {tcp(90, 80), "InvalidParameterValue"},
		"port too big":   {tcp(80, 65536), "InvalidParameterValue"},
		"no ports":       {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.FromPort = nil }), "InvalidParameterValue"},
		"both families":  {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.IPv6CIDRBlock = "::/0" }), "InvalidParameterCombination"},
		"no block":       {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.CIDRBlock = "" }), "InvalidParameterCombination"},
		"host bits":      {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.CIDRBlock = "10.0.0.1/8" }), "InvalidParameterValue"},
		"icmp type":      {cloud.NetworkACLEntrySpec{RuleNumber: 1, Protocol: "icmp", RuleAction: "allow", CIDRBlock: "0.0.0.0/0", ICMPType: intp(300)}, "InvalidParameterValue"},
		"icmp all":       {cloud.NetworkACLEntrySpec{RuleNumber: 1, Protocol: "1", RuleAction: "allow", CIDRBlock: "0.0.0.0/0", ICMPType: intp(-1), ICMPCode: intp(-1)}, ""},
		"all, no ports":  {cloud.NetworkACLEntrySpec{RuleNumber: 1, Protocol: "all", RuleAction: "deny", IPv6CIDRBlock: "::/0"}, ""},
		// At plan, what is unknown is left to apply and the rest is checked.
		"unknown protocol":          {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.Protocol, s.FromPort = cloud.Unknown, nil }), ""},
		"unknown action":            {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.RuleAction = cloud.Unknown }), ""},
		"unknown number":            {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.RuleNumber, s.NumberUnknown = 0, true }), ""},
		"unknown block, both given": {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.CIDRBlock, s.IPv6CIDRBlock = cloud.Unknown, "::/0" }), "InvalidParameterCombination"},
		"unknown protocol, rule 0":  {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.Protocol, s.RuleNumber = cloud.Unknown, 0 }), "InvalidParameterValue"},
		"unknown action, host bits": {with(tcp(80, 80), func(s *cloud.NetworkACLEntrySpec) { s.RuleAction, s.CIDRBlock = cloud.Unknown, "10.0.0.1/8" }), "InvalidParameterValue"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := cloud.NormalizeNetworkACLEntry("", tc.spec)
			if tc.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantCode(t, err, tc.code)
		})
	}
}

// TestNetworkACLUnknownRulesCount: rules whose number or protocol is known
// only after apply still count towards the limit at plan, and known
// numbers are still checked for duplicates.
func TestNetworkACLUnknownRulesCount(t *testing.T) {
	c, vpc := clientWithVPC(t)
	entries := make([]cloud.NetworkACLEntrySpec, 0, 21)
	for i := 1; i <= 20; i++ {
		entries = append(entries, cloud.NetworkACLEntrySpec{RuleNumber: i, Protocol: "all", RuleAction: "allow", CIDRBlock: "10.0.0.0/8"})
	}
	check := func(entries ...cloud.NetworkACLEntrySpec) error {
		p := cloud.NewPlan()
		in := cloud.NetworkACLInput{VPCID: vpc.ID, Entries: entries, ManageIngress: true}
		return c.CheckNetworkACL(context.Background(), p, p.NewHolder(), "", in)
	}
	if err := check(entries...); err != nil {
		t.Fatalf("20 rules refused: %v", err)
	}
	unnumbered := cloud.NetworkACLEntrySpec{NumberUnknown: true, Protocol: cloud.Unknown, RuleAction: "allow", CIDRBlock: cloud.Unknown}
	wantCode(t, check(append(entries, unnumbered)...), "NetworkAclEntryLimitExceeded")
	unknownProtocol := cloud.NetworkACLEntrySpec{RuleNumber: 5, Protocol: cloud.Unknown, RuleAction: "deny", CIDRBlock: "0.0.0.0/0"}
	wantCode(t, check(entries[0], entries[4], unknownProtocol), "NetworkAclEntryAlreadyExists")
}

// Two planned ACLs may not both take one subnet, and an ACL may not take a
// subnet of another VPC.
func TestNetworkACLPlanClaims(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	s := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	p := cloud.NewPlan()
	in := cloud.NetworkACLInput{VPCID: vpc.ID, ManageSubnets: true, SubnetIDs: []string{s.ID}}
	must(0, c.CheckNetworkACL(ctx, p, p.NewHolder(), "", in))(t)
	wantCode(t, c.CheckNetworkACL(ctx, p, p.NewHolder(), "", in), "Resource.AlreadyAssociated")
	wantCode(t, c.CheckNetworkACLAssociation(ctx, p, p.NewHolder(), cloud.UnknownID(cloud.KindNetworkACL), s.ID), "Resource.AlreadyAssociated")
	in.VPCID = other.ID
	wantCode(t, c.CheckNetworkACL(ctx, cloud.NewPlan(), p.NewHolder(), "", in), "InvalidParameterValue")
	// Unknown subnets switch off only what needs them.
	in.SubnetIDs = []string{cloud.UnknownID(cloud.KindSubnet)}
	must(0, c.CheckNetworkACL(ctx, cloud.NewPlan(), p.NewHolder(), "", in))(t)
}

// ReplaceNetworkACLAssociation finds the subnet by its ID or by its
// current association's, in one transaction, and obeys the association's
// rules.
func TestReplaceNetworkACLAssociation(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	acl := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID}))(t)
	first := must(c.ReplaceNetworkACLAssociation(ctx, subnet.ID, acl.ID))(t)
	if first.SubnetID != subnet.ID || first.NetworkACLID != acl.ID {
		t.Fatalf("association by subnet: %+v", first)
	}
	back := must(c.ReplaceNetworkACLAssociation(ctx, first.ID, vpc.DefaultNetworkACLID))(t)
	if back.SubnetID != subnet.ID || back.NetworkACLID != vpc.DefaultNetworkACLID || back.ID == first.ID {
		t.Fatalf("association by association ID: %+v after %+v", back, first)
	}
	if got := must(c.Subnet(ctx, subnet.ID))(t).NetworkACLID; got != vpc.DefaultNetworkACLID {
		t.Errorf("subnet on %s, want the default ACL", got)
	}
	_, err := c.ReplaceNetworkACLAssociation(ctx, first.ID, acl.ID)
	wantCode(t, err, "InvalidAssociationID.NotFound")
	_, err = c.ReplaceNetworkACLAssociation(ctx, "aclassoc-1", acl.ID)
	wantCode(t, err, "InvalidAssociationID.Malformed")
	_, err = c.ReplaceNetworkACLAssociation(ctx, subnet.ID, "acl-0123456789abcdef0")
	wantCode(t, err, "InvalidNetworkAclID.NotFound")
	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	_, err = c.ReplaceNetworkACLAssociation(ctx, back.ID, other.DefaultNetworkACLID)
	wantCode(t, err, "InvalidParameterValue")
	if got := must(c.Subnet(ctx, subnet.ID))(t).NetworkACLID; got != vpc.DefaultNetworkACLID {
		t.Errorf("a refused replace moved the subnet to %s", got)
	}
}
