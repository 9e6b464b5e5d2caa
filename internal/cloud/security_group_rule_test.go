package cloud_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// A rule resource's rules are added to the group with their tags, read back
// by ID, changed in place keeping their IDs, and revoked; a rule is no rule
// of another account.
func TestPutSecurityGroupRules(t *testing.T) {
	ctx := context.Background()
	st, location := openStore(t)
	c := newClient(t, st, defaultScope)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	g := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	in := cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{{IPProtocol: "6", FromPort: 22, ToPort: 22, CIDRIPv4: "10.0.0.0/8"}},
		Tags: map[string]string{"Name": "ssh"}}
	added := must(c.PutSecurityGroupRules(ctx, in))(t)
	read := must(c.SecurityGroupRule(ctx, added[0].ID))(t)
	if read.IPProtocol != "tcp" || read.GroupID != g.ID || read.Tags["Name"] != "ssh" || read.ManagedBy != cloud.ManagedByRuleResource ||
		!strings.HasSuffix(read.ARN, ":security-group-rule/"+read.ID) {
		t.Errorf("the rule read back: %+v", read)
	}

	// The rule's tags belong to it, and go when the group does.
	if broken, err := storetest.Invariants(location); err != nil || len(broken) > 0 {
		t.Errorf("the cloud with a tagged rule: %v %v", broken, err)
	}

	in.Own, in.Rules[0].FromPort, in.Rules[0].ToPort, in.Tags = []string{read.ID}, 2222, 2222, nil
	changed := must(c.PutSecurityGroupRules(ctx, in))(t)
	read = must(c.SecurityGroupRule(ctx, changed[0].ID))(t)
	if read.ID != added[0].ID || read.FromPort != 2222 || len(read.Tags) != 0 {
		t.Errorf("the rule changed in place: %+v, want ID %s, port 2222, no tags", read, added[0].ID)
	}

	other := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: defaultScope.Region})
	if _, err := other.SecurityGroupRule(ctx, read.ID); !cloud.IsNotFound(err) {
		t.Errorf("another account reads the rule: %v", err)
	}
	if err := c.RevokeSecurityGroupRules(ctx, g.ID, []string{read.ID}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, func() error { _, err := c.SecurityGroupRule(ctx, read.ID); return err }(), "InvalidSecurityGroupRuleId.NotFound")

	tagged := must(c.PutSecurityGroupRules(ctx, cloud.SecurityGroupRulesInput{GroupID: g.ID,
		Rules: []cloud.SecurityGroupRule{tcpFrom("10.0.0.0/8", 80)}, Tags: map[string]string{"Name": "http"}}))(t)
	if err := c.DeleteSecurityGroup(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if broken, err := storetest.Invariants(location); err != nil || len(broken) > 0 {
		t.Errorf("after deleting the group of tagged rule %s: %v %v", tagged[0].ID, broken, err)
	}
}

// Rule resources of one plan that together repeat a rule, or exceed the
// limit, fail at plan; a rule resource and an inline direction of the same
// group fail whichever is planned second, naming the other.
func TestCheckSecurityGroupRulesAgainstThePlan(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	g := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	rule := func(port int) cloud.SecurityGroupRulesInput {
		return cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{tcpFrom("10.0.0.0/8", port)}}
	}

	p := cloud.NewPlan()
	if err := c.CheckSecurityGroupRules(ctx, p, p.NewHolderNamed("the first"), rule(22)); err != nil {
		t.Fatal(err)
	}
	err := c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), rule(22))
	wantCode(t, err, "InvalidPermission.Duplicate")
	var e *cloud.Error
	if !errors.As(err, &e) || !slices.Contains(e.Objects, "the first") {
		t.Errorf("the duplicate %v does not name the first rule's holder", err)
	}
	for port := 1; port < 60; port++ {
		if err := c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), rule(1000+port)); err != nil {
			t.Fatalf("rule %d of 60: %v", port+1, err)
		}
	}
	wantCode(t, c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), rule(2000)), "RulesPerSecurityGroupLimitExceeded")

	// The group's inbound rules managed inline in the same plan.
	inline := groupInput(vpc.ID, "web")
	err = c.CheckSecurityGroup(ctx, p, cloud.ExistingHolder(g.ID), inline, g.ID)
	wantCode(t, err, "InvalidParameterCombination")
	if !errors.As(err, &e) || e.Field != "ingress" || !slices.Contains(e.Objects, "the first") {
		t.Errorf("the refusal points at %q and names %v", e.Field, e.Objects)
	}
	p2 := cloud.NewPlan()
	inline.ManageIngress = false
	if err := c.CheckSecurityGroup(ctx, p2, cloud.ExistingHolder(g.ID), inline, g.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, c.CheckSecurityGroupRules(ctx, p2, p2.NewHolder(), cloud.SecurityGroupRulesInput{GroupID: g.ID, Egress: true,
		Rules: []cloud.SecurityGroupRule{{IPProtocol: "-1", CIDRIPv6: "::/0"}}}), "InvalidParameterCombination")
	if err := c.CheckSecurityGroupRules(ctx, p2, p2.NewHolder(), rule(22)); err != nil {
		t.Errorf("an inbound rule beside inline outbound rules: %v", err)
	}

	// At apply, the inline rules in the cloud refuse a rule resource in
	// their direction, and the rule resource's rules the group's blocks.
	withEgress := groupInput(vpc.ID, "db")
	withEgress.Egress = []cloud.SecurityGroupRule{{IPProtocol: "-1", CIDRIPv4: "0.0.0.0/0"}}
	db := must(c.CreateSecurityGroup(ctx, withEgress))(t)
	_, err = c.PutSecurityGroupRules(ctx, cloud.SecurityGroupRulesInput{GroupID: db.ID, Egress: true, Rules: []cloud.SecurityGroupRule{tcpFrom("10.0.0.0/8", 5432)}})
	wantCode(t, err, "InvalidParameterCombination")
	must(c.PutSecurityGroupRules(ctx, rule(22)))(t)
	_, err = c.UpdateSecurityGroup(ctx, g.ID, groupInput(vpc.ID, "web"))
	wantCode(t, err, "InvalidParameterCombination")
}

// The resource of an aws_security_group_rule finds its rules in the group by
// what they let through, whatever the spelling, and only in its direction.
func TestMatchingSecurityGroupRules(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	g := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	must(c.PutSecurityGroupRules(ctx, cloud.SecurityGroupRulesInput{GroupID: g.ID,
		Rules: []cloud.SecurityGroupRule{tcpFrom("10.0.0.0/8", 443), {IPProtocol: "-1", FromPort: 0, ToPort: 0, ReferencedGroupID: g.ID}}}))(t)
	wanted := []cloud.SecurityGroupRule{
		{IPProtocol: "6", FromPort: 443, ToPort: 443, CIDRIPv4: "10.0.0.0/8"},
		{IPProtocol: "all", ReferencedGroupID: cloud.SelfReference},
		{IPProtocol: "tcp", FromPort: 443, ToPort: 443, CIDRIPv4: "192.168.0.0/16"},
		{IPProtocol: "tcp", FromPort: 443, ToPort: 443, CIDRIPv4: "10.0.0.0/8", Egress: true},
	}
	found := must(c.MatchingSecurityGroupRules(ctx, g.ID, wanted))(t)
	if len(found) != 2 || found[0].CIDRIPv4 != "10.0.0.0/8" || found[1].ReferencedGroupID != g.ID {
		t.Errorf("found %+v, want the 443 rule and the self rule", found)
	}
	if _, err := c.MatchingSecurityGroupRules(ctx, "sg-0123456789abcdef0", wanted); !cloud.IsNotFound(err) {
		t.Errorf("rules of an unknown group: %v", err)
	}
}

func TestParseSecurityGroupRuleImportID(t *testing.T) {
	const sg = "sg-0123456789abcdef0"
	for _, tc := range []struct {
		id   string
		want cloud.SecurityGroupRuleImport
	}{
		{sg + "_ingress_tcp_22_22_10.0.0.0/8", cloud.SecurityGroupRuleImport{GroupID: sg, Protocol: "tcp", FromPort: 22, ToPort: 22, CIDRIPv4: []string{"10.0.0.0/8"}}},
		{sg + "_ingress_tcp_100_121_10.1.0.0/16_2001:db8::/48_10.2.0.0/16", cloud.SecurityGroupRuleImport{GroupID: sg, Protocol: "tcp", FromPort: 100, ToPort: 121,
			CIDRIPv4: []string{"10.1.0.0/16", "10.2.0.0/16"}, CIDRIPv6: []string{"2001:db8::/48"}}},
		{sg + "_egress_all_0_65536_self", cloud.SecurityGroupRuleImport{GroupID: sg, Egress: true, Protocol: "all", Self: true}},
		{sg + "_ingress_udp_53_53_sg-0fedcba9876543210", cloud.SecurityGroupRuleImport{GroupID: sg, Protocol: "udp", FromPort: 53, ToPort: 53, SourceGroupID: "sg-0fedcba9876543210"}},
		// The AWS provider's example of a prefix list destination, and
		// lists beside the other kinds of source.
		{sg + "_egress_tcp_8000_8000_pl-6469726b", cloud.SecurityGroupRuleImport{GroupID: sg, Egress: true, Protocol: "tcp", FromPort: 8000, ToPort: 8000,
			PrefixListIDs: []string{"pl-6469726b"}}},
		{sg + "_ingress_tcp_443_443_self_pl-0123456789abcdef0_pl-63a5400a", cloud.SecurityGroupRuleImport{GroupID: sg, Protocol: "tcp", FromPort: 443, ToPort: 443,
			Self: true, PrefixListIDs: []string{"pl-0123456789abcdef0", "pl-63a5400a"}}},
	} {
		got, err := cloud.ParseSecurityGroupRuleImportID(tc.id)
		if err != nil || !equalImports(got, tc.want) {
			t.Errorf("ParseSecurityGroupRuleImportID(%q) = %+v, %v; want %+v", tc.id, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", sg + "_ingress_tcp_22_22", "sg-1_ingress_tcp_22_22_10.0.0.0/8", sg + "_sideways_tcp_22_22_10.0.0.0/8",
		sg + "_ingress_tcp_x_22_10.0.0.0/8", sg + "_ingress_tcp_30_22_10.0.0.0/8", sg + "_ingress_tcp_22_22_10.0.0.1/8",
		sg + "_ingress_tcp_22_22_10.0.0.0/8_self", sg + "_ingress_tcp_22_22_self_" + sg, sg + "_ingress_tcp_22_22_pl-xyz"} {
		wantCode(t, func() error { _, err := cloud.ParseSecurityGroupRuleImportID(bad); return err }(), "InvalidParameterValue")
	}
}

func equalImports(a, b cloud.SecurityGroupRuleImport) bool {
	return a.GroupID == b.GroupID && a.Egress == b.Egress && a.Protocol == b.Protocol && a.FromPort == b.FromPort && a.ToPort == b.ToPort &&
		slices.Equal(a.CIDRIPv4, b.CIDRIPv4) && slices.Equal(a.CIDRIPv6, b.CIDRIPv6) && slices.Equal(a.PrefixListIDs, b.PrefixListIDs) &&
		a.SourceGroupID == b.SourceGroupID && a.Self == b.Self
}

// FuzzParseSecurityGroupRuleImportID checks that an accepted import string
// names a group and at least one other end, and never panics.
func FuzzParseSecurityGroupRuleImportID(f *testing.F) {
	for _, seed := range []string{"sg-0123456789abcdef0_ingress_tcp_22_22_10.0.0.0/8", "sg-0123456789abcdef0_egress_all_0_65536_self", "_____", "sg-1_x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in, err := cloud.ParseSecurityGroupRuleImportID(s)
		if err != nil {
			return
		}
		if cloud.ValidateID(cloud.KindSecurityGroup, in.GroupID, "") != nil || !strings.HasPrefix(s, in.GroupID+"_") ||
			len(in.CIDRIPv4)+len(in.CIDRIPv6)+len(in.PrefixListIDs) == 0 && !in.Self && in.SourceGroupID == "" {
			t.Fatalf("accepted %q as %+v", s, in)
		}
	})
}

// Rules name prefix lists, the account's or AWS's: a list found nowhere is
// refused at plan and at apply with AWS's code, whichever resource names
// it; a list counts its max_entries (AWS's lists their weight) towards the
// group's limit, in its own family; and a list that rules name cannot be
// deleted until they are revoked.
func TestSecurityGroupRulesNamePrefixLists(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	c := newClient(t, st, defaultScope)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	g := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	list := func(name, family string, maxEntries int64, cidr string) cloud.ManagedPrefixList {
		return must(c.CreateManagedPrefixList(ctx, cloud.ManagedPrefixListInput{Name: name, AddressFamily: family, MaxEntries: maxEntries,
			Entries: []cloud.PrefixListEntry{{CIDR: cidr}}}))(t)
	}
	corp, corp6 := list("corp", cloud.PrefixListIPv4, 50, "203.0.113.0/24"), list("corp6", cloud.PrefixListIPv6, 50, "2001:db8::/32")
	viaList := func(listID string, port int) cloud.SecurityGroupRulesInput {
		return cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: port, ToPort: port, PrefixListID: listID}}}
	}

	const missing = "pl-0123456789abcdef0"
	p := cloud.NewPlan()
	wantCode(t, c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), viaList(missing, 22)), "InvalidPrefixListID.NotFound")
	wantCode(t, errOf(c.PutSecurityGroupRules(ctx, viaList(missing, 22))), "InvalidPrefixListID.NotFound")
	inline := groupInput(vpc.ID, "db")
	inline.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 5432, ToPort: 5432, PrefixListID: missing}}
	wantCode(t, c.CheckSecurityGroup(ctx, p, p.NewHolder(), inline, ""), "InvalidPrefixListID.NotFound")
	wantCode(t, errOf(c.CreateSecurityGroup(ctx, inline)), "InvalidPrefixListID.NotFound")
	other := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: defaultScope.Region})
	otherVPC := mustCreateVPC(t, other, vpcInput("10.0.0.0/16"))
	inline.VPCID, inline.Ingress[0].PrefixListID = otherVPC.ID, corp.ID
	wantCode(t, errOf(other.CreateSecurityGroup(ctx, inline)), "InvalidPrefixListID.NotFound")
	if err := c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), viaList(cloud.UnknownID(cloud.KindPrefixList), 22)); err != nil {
		t.Errorf("a list known only after apply is refused at plan: %v", err)
	}

	ssh := must(c.PutSecurityGroupRules(ctx, viaList(corp.ID, 22)))(t)
	if read := must(c.SecurityGroupRule(ctx, ssh[0].ID))(t); read.PrefixListID != corp.ID || read.CIDRIPv4 != "" || read.ReferencedGroupID != "" {
		t.Errorf("the rule read back: %+v", read)
	}
	wantCode(t, errOf(c.PutSecurityGroupRules(ctx, viaList(corp.ID, 22))), "InvalidPermission.Duplicate")
	// corp weighs 50 IPv4 rules and corp6 50 IPv6 ones: together they fit.
	must(c.PutSecurityGroupRules(ctx, viaList(corp6.ID, 22)))(t)
	p = cloud.NewPlan()
	err := c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), viaList(corp.ID, 80))
	wantCode(t, err, "RulesPerSecurityGroupLimitExceeded")
	var e *cloud.Error
	if !errors.As(err, &e) || !slices.Equal(e.Objects, []string{g.ID, corp.ID}) {
		t.Errorf("the limit names %v, want the group and the list", e.Objects)
	}
	s3 := cloud.PrefixLists(defaultScope.Region)[0].ID
	must(c.PutSecurityGroupRules(ctx, cloud.SecurityGroupRulesInput{GroupID: g.ID, Egress: true,
		Rules: []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 443, ToPort: 443, PrefixListID: s3}}}))(t)
	inline.VPCID, inline.Ingress = vpc.ID, []cloud.SecurityGroupRule{
		{IPProtocol: "tcp", FromPort: 1, ToPort: 1, PrefixListID: corp.ID}, {IPProtocol: "tcp", FromPort: 2, ToPort: 2, PrefixListID: corp.ID}}
	wantCode(t, errOf(c.CreateSecurityGroup(ctx, inline)), "RulesPerSecurityGroupLimitExceeded")
	inline.Ingress = inline.Ingress[:1]
	db := must(c.CreateSecurityGroup(ctx, inline))(t)
	if len(db.Rules) != 1 || db.Rules[0].PrefixListID != corp.ID || db.Rules[0].ManagedBy != cloud.ManagedInline {
		t.Errorf("the inline rule: %+v", db.Rules)
	}

	err = c.DeleteObject(ctx, corp.ID)
	wantCode(t, err, "DependencyViolation")
	if !errors.As(err, &e) || !slices.Contains(e.Objects, ssh[0].ID) || !slices.Contains(e.Objects, db.Rules[0].ID) {
		t.Errorf("the refusal names %v, want both rules that name the list", e.Objects)
	}
	must(c.RevokeSecurityGroupRule(ctx, ssh[0].ID))(t)
	must(c.RevokeSecurityGroupRule(ctx, db.Rules[0].ID))(t)
	if err := c.DeleteObject(ctx, corp.ID); err != nil {
		t.Errorf("the list, its rules revoked: %v", err)
	}
}

func TestFilterSecurityGroups(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	web := groupInput(vpc.ID, "web-a")
	web.Tags = map[string]string{"tier": "web"}
	a := must(c.CreateSecurityGroup(ctx, web))(t)
	web.GroupName = "web-b"
	must(c.CreateSecurityGroup(ctx, web))(t)
	ids := func(tags map[string]string, filters ...cloud.NamedFilter) []string {
		found := must(cloud.Filtered(must(c.FindSecurityGroups(ctx, cloud.SecurityGroupFilter{Tags: tags}))(t), filters))(t)
		var out []string
		for _, g := range found {
			out = append(out, g.GroupName)
		}
		slices.Sort(out)
		return out
	}
	if got := ids(map[string]string{"tier": "web"}); !slices.Equal(got, []string{"web-a", "web-b"}) {
		t.Errorf("by tag: %v", got)
	}
	if got := ids(nil, cloud.NamedFilter{Name: "group-name", Values: []string{"web-?", "default"}},
		cloud.NamedFilter{Name: "group-id", Values: []string{a.ID, vpc.DefaultSecurityGroupID}}); !slices.Equal(got, []string{"default", "web-a"}) {
		t.Errorf("by name and ID: %v", got)
	}
	if got := ids(nil, cloud.NamedFilter{Name: "tag:tier", Values: []string{"db"}}); len(got) != 0 {
		t.Errorf("by a tag value none has: %v", got)
	}
	if got := ids(nil, cloud.NamedFilter{Name: "tag-key", Values: []string{"tier"}}); len(got) != 2 {
		t.Errorf("by tag key: %v", got)
	}
	_, err := cloud.Filtered(must(c.FindSecurityGroups(ctx, cloud.SecurityGroupFilter{}))(t), []cloud.NamedFilter{{Name: "ip-permission.protocol", Values: []string{"tcp"}}})
	wantCode(t, err, "InvalidParameterValue")
}
