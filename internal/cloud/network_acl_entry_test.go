package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func allowAll(number int, egress bool) cloud.NetworkACLEntrySpec {
	return cloud.NetworkACLEntrySpec{Egress: egress, RuleNumber: number, Protocol: "all", RuleAction: "allow", CIDRBlock: "0.0.0.0/0"}
}

func TestNetworkACLEntryResource(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	acl := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID}))(t)

	e := must(c.CreateNetworkACLEntry(ctx, acl.ID, allowAll(100, false)))(t)
	if e.Protocol != cloud.AllProtocols || e.NetworkACLID != acl.ID {
		t.Fatalf("created %+v", e)
	}
	key := cloud.NetworkACLEntryKey{NetworkACLID: acl.ID, RuleNumber: 100}
	if got := must(c.NetworkACLEntry(ctx, key))(t); !cloud.SameNetworkACLEntry(got, e) {
		t.Errorf("read %+v, want %+v", got, e)
	}
	// The same number outbound is another rule; inbound it is refused.
	must(c.CreateNetworkACLEntry(ctx, acl.ID, allowAll(100, true)))(t)
	_, err := c.CreateNetworkACLEntry(ctx, acl.ID, allowAll(100, false))
	wantCode(t, err, "NetworkAclEntryAlreadyExists")
	// The "*" rule is not a rule of its own.
	_, err = c.NetworkACLEntry(ctx, cloud.NetworkACLEntryKey{NetworkACLID: acl.ID, RuleNumber: cloud.DefaultRuleNumber})
	wantCode(t, err, "InvalidNetworkAclEntry.NotFound")

	must(0, c.DeleteNetworkACLEntry(ctx, key))(t)
	_, err = c.NetworkACLEntry(ctx, key)
	if !cloud.IsNotFound(err) {
		t.Errorf("a deleted rule read as %v, want not found", err)
	}
	if got := must(cloud.Describe[cloud.NetworkACL](c, ctx, acl.ID))(t); len(got.Entries) != 3 {
		t.Errorf("after delete the ACL holds %+v, want the outbound rule and two \"*\" rules", got.Entries)
	}
}

func TestNetworkACLEntryPlanClaims(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	acl := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID}))(t)
	must(c.CreateNetworkACLEntry(ctx, acl.ID, allowAll(1, false)))(t)

	p := cloud.NewPlan()
	check := func(spec cloud.NetworkACLEntrySpec) error {
		return c.CheckNetworkACLEntry(ctx, p, p.NewHolder(), acl.ID, spec, false, nil)
	}
	// Two planned rules with one number.
	must(0, check(allowAll(200, false)))(t)
	wantCode(t, check(allowAll(200, false)), "NetworkAclEntryAlreadyExists")
	// The stored rule, 18 planned and one of unknown number make 20 inbound.
	for n := 201; n < 218; n++ {
		must(0, check(allowAll(n, false)))(t)
	}
	unknown := allowAll(0, false)
	unknown.NumberUnknown = true
	must(0, check(unknown))(t)
	wantCode(t, check(allowAll(300, false)), "NetworkAclEntryLimitExceeded")
	must(0, check(allowAll(300, true)))(t)

	// A rule being replaced does not count against its replacement.
	existing := cloud.NetworkACLEntryKey{NetworkACLID: acl.ID, RuleNumber: 1}
	must(0, c.CheckNetworkACLEntry(ctx, cloud.NewPlan(), cloud.ExistingHolder("nacl-1"), acl.ID, allowAll(1, false), false, &existing))(t)

	// Rule resources and inline rules of one ACL, whichever is planned first.
	wantCode(t, c.CheckNetworkACL(ctx, p, p.NewHolder(), acl.ID, cloud.NetworkACLInput{VPCID: vpc.ID, ManageEgress: true}), "InvalidParameterCombination")
	inline := cloud.NewPlan()
	must(0, c.CheckNetworkACL(ctx, inline, inline.NewHolder(), acl.ID, cloud.NetworkACLInput{VPCID: vpc.ID, ManageIngress: true}))(t)
	wantCode(t, c.CheckNetworkACLEntry(ctx, inline, inline.NewHolder(), acl.ID, allowAll(5, true), true, nil), "InvalidParameterCombination")
	// An ACL that leaves its rules unmanaged takes rule resources.
	unmanaged := cloud.NewPlan()
	must(0, c.CheckNetworkACL(ctx, unmanaged, unmanaged.NewHolder(), acl.ID, cloud.NetworkACLInput{VPCID: vpc.ID}))(t)
	must(0, c.CheckNetworkACLEntry(ctx, unmanaged, unmanaged.NewHolder(), acl.ID, allowAll(5, true), false, nil))(t)
}

func TestParseNetworkACLRuleImportID(t *testing.T) {
	key, protocol, err := cloud.ParseNetworkACLRuleImportID("acl-0123456789abcdef0:100:tcp:true")
	if err != nil || key != (cloud.NetworkACLEntryKey{NetworkACLID: "acl-0123456789abcdef0", RuleNumber: 100, Egress: true}) || protocol != "tcp" {
		t.Errorf("parsed %+v %q %v", key, protocol, err)
	}
	for _, bad := range []string{"", "acl-0123456789abcdef0:100:tcp", "acl-0123456789abcdef0:x:tcp:false", "acl-0123456789abcdef0:100:tcp:maybe", "rtb-0123456789abcdef0:100:tcp:false"} {
		if _, _, err := cloud.ParseNetworkACLRuleImportID(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestNetworkACLRuleIDIgnoresProtocolSpelling(t *testing.T) {
	const acl = "acl-0123456789abcdef0"
	if a, b := cloud.NetworkACLRuleID(acl, 100, false, "TCP"), cloud.NetworkACLRuleID(acl, 100, false, "6"); a != b {
		t.Errorf("tcp gives %s, 6 gives %s", a, b)
	}
	if a, b := cloud.NetworkACLRuleID(acl, 100, false, "6"), cloud.NetworkACLRuleID(acl, 100, true, "6"); a == b {
		t.Errorf("both directions give %s", a)
	}
}

func FuzzParseNetworkACLRuleImportID(f *testing.F) {
	for _, seed := range []string{"acl-0123456789abcdef0:100:tcp:false", "acl-:1:-1:true", ":::", "acl-0123456789abcdef0:99999999999999999999:all:false"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if key, _, err := cloud.ParseNetworkACLRuleImportID(id); err == nil && key.NetworkACLID == "" {
			t.Errorf("%q parsed without an ACL", id)
		}
	})
}

func TestDefaultNetworkACLAdoption(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	s := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	custom := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID, ManageSubnets: true, SubnetIDs: []string{s.ID}}))(t)

	// Adoption leaves only the given rules besides the "*" ones, and takes
	// the subnets listed from their ACL.
	acl := must(c.AdoptDefaultNetworkACL(ctx, vpc.DefaultNetworkACLID, cloud.NetworkACLInput{
		Entries: []cloud.NetworkACLEntrySpec{allowAll(50, true)}, ManageSubnets: true, SubnetIDs: []string{s.ID}}))(t)
	if len(acl.Entries) != 3 || len(acl.Associations) != 1 {
		t.Errorf("adopted ACL holds %+v and %+v", acl.Entries, acl.Associations)
	}
	// A subnet left out stays: a default ACL cannot give a subnet away.
	acl = must(c.AdoptDefaultNetworkACL(ctx, vpc.DefaultNetworkACLID, cloud.NetworkACLInput{ManageSubnets: true}))(t)
	if len(acl.Associations) != 1 || len(acl.Entries) != 2 {
		t.Errorf("ACL holds %+v and %+v after the subnet was left out", acl.Entries, acl.Associations)
	}
	_, err := c.AdoptDefaultNetworkACL(ctx, custom.ID, cloud.NetworkACLInput{})
	wantCode(t, err, "InvalidParameterValue")
	p := cloud.NewPlan()
	wantCode(t, c.CheckDefaultNetworkACL(ctx, p, p.NewHolder(), custom.ID, cloud.NetworkACLInput{}), "InvalidParameterValue")
	// The default ACL always manages its rules: no rule resource beside it.
	must(0, c.CheckDefaultNetworkACL(ctx, p, cloud.ExistingHolder(acl.ID), acl.ID, cloud.NetworkACLInput{}))(t)
	wantCode(t, c.CheckNetworkACLEntry(ctx, p, p.NewHolder(), acl.ID, allowAll(7, false), false, nil), "InvalidParameterCombination")
}

// A VPC that gains an IPv6 block gives its custom ACLs the "*" rules for
// IPv6, as AWS does, and takes them back when it loses it.
func TestCustomNetworkACLIPv6Rules(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	acl := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID, ManageIngress: true, Entries: []cloud.NetworkACLEntrySpec{allowAll(10, false)}}))(t)
	stars := func() (v4, v6 int) {
		for _, e := range must(cloud.Describe[cloud.NetworkACL](c, ctx, acl.ID))(t).Entries {
			switch {
			case e.RuleNumber != cloud.DefaultRuleNumber:
			case e.IPv6CIDRBlock == "::/0" && e.RuleAction == "deny":
				v6++
			default:
				v4++
			}
		}
		return v4, v6
	}
	must(c.UpdateVPC(ctx, vpc.ID, ipv6VPCInput("10.0.0.0/16")))(t)
	if v4, v6 := stars(); v4 != 2 || v6 != 2 {
		t.Errorf("with IPv6, the ACL has %d IPv4 and %d IPv6 \"*\" rules, want 2 and 2", v4, v6)
	}
	must(c.UpdateVPC(ctx, vpc.ID, vpcInput("10.0.0.0/16")))(t)
	if v4, v6 := stars(); v4 != 2 || v6 != 0 {
		t.Errorf("without IPv6, the ACL has %d IPv4 and %d IPv6 \"*\" rules, want 2 and 0", v4, v6)
	}
	// A default ACL whose rules were changed gets the "*" rules, not rule 101.
	must(c.AdoptDefaultNetworkACL(ctx, vpc.DefaultNetworkACLID, cloud.NetworkACLInput{}))(t)
	must(c.UpdateVPC(ctx, vpc.ID, ipv6VPCInput("10.0.0.0/16")))(t)
	entries := must(cloud.Describe[cloud.NetworkACL](c, ctx, vpc.DefaultNetworkACLID))(t).Entries
	if len(entries) != 4 {
		t.Errorf("the changed default ACL holds %+v with IPv6, want the four \"*\" rules", entries)
	}
}

// The default group keeps its name through an update of its rules.
func TestDefaultSecurityGroupRules(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	g := must(c.DefaultSecurityGroup(ctx, vpc.ID))(t)
	if g.ID != vpc.DefaultSecurityGroupID || !g.Default {
		t.Fatalf("default group %+v of %+v", g, vpc)
	}
	g = must(c.UpdateSecurityGroup(ctx, g.ID, cloud.SecurityGroupInput{ManageIngress: true, ManageEgress: true}))(t)
	if g.GroupName != cloud.DefaultSecurityGroupName || len(g.Rules) != 0 {
		t.Errorf("after removing every rule: %+v", g)
	}
	p := cloud.NewPlan()
	in := cloud.SecurityGroupInput{VPCID: vpc.ID, GroupName: cloud.DefaultSecurityGroupName, Description: cloud.DefaultSecurityGroupDescription, Default: true}
	must(0, c.CheckSecurityGroup(ctx, p, cloud.ExistingHolder(g.ID), in, g.ID))(t)
	in.Default = false
	wantCode(t, c.CheckSecurityGroup(ctx, p, p.NewHolder(), in, ""), "InvalidParameterValue")
	_, err := c.DefaultSecurityGroup(ctx, "vpc-0123456789abcdef0")
	wantCode(t, err, "InvalidVpcID.NotFound")
}
