package cloud_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// ruleLines and entryLines describe rules for comparison, without IDs.
func ruleLines(g cloud.SecurityGroup) []string {
	var out []string
	for _, r := range g.Rules {
		other := r.CIDRIPv4 + r.CIDRIPv6
		if r.ReferencedGroupID == g.ID {
			other = "self"
		}
		out = append(out, fmt.Sprintf("egress=%t %s %d-%d %s", r.Egress, r.IPProtocol, r.FromPort, r.ToPort, other))
	}
	sort.Strings(out)
	return out
}

func entryLines(a cloud.NetworkACL) []string {
	var out []string
	for _, e := range a.Entries {
		out = append(out, fmt.Sprintf("egress=%t %d %s %s %s%s", e.Egress, e.RuleNumber, e.Protocol, e.RuleAction, e.CIDRBlock, e.IPv6CIDRBlock))
	}
	sort.Strings(out)
	return out
}

var (
	defaultGroupRules = []string{"egress=false -1 -1--1 self", "egress=true -1 -1--1 0.0.0.0/0"}
	defaultGroupIPv6  = "egress=true -1 -1--1 ::/0"
	defaultACLEntries = []string{
		"egress=false 100 -1 allow 0.0.0.0/0", "egress=false 32767 -1 deny 0.0.0.0/0",
		"egress=true 100 -1 allow 0.0.0.0/0", "egress=true 32767 -1 deny 0.0.0.0/0",
	}
	defaultACLIPv6 = []string{
		"egress=false 101 -1 allow ::/0", "egress=false 32767 -1 deny ::/0",
		"egress=true 101 -1 allow ::/0", "egress=true 32767 -1 deny ::/0",
	}
)

func sorted(lists ...[]string) []string {
	out := slices.Concat(lists...)
	sort.Strings(out)
	return out
}

// checkDefaults checks a VPC's default group and ACL against AWS's
// defaults, with the IPv6 rules if ipv6.
func checkDefaults(t *testing.T, c *cloud.Client, vpcID string, ipv6 bool) cloud.VPC {
	t.Helper()
	ctx := context.Background()
	vpc := must(c.VPC(ctx, vpcID))(t)
	if !strings.HasPrefix(vpc.DefaultSecurityGroupID, "sg-") || !strings.HasPrefix(vpc.DefaultNetworkACLID, "acl-") {
		t.Fatalf("VPC %s has default group %q and ACL %q", vpc.ID, vpc.DefaultSecurityGroupID, vpc.DefaultNetworkACLID)
	}
	g, err := cloud.Describe[cloud.SecurityGroup](c, ctx, vpc.DefaultSecurityGroupID)
	if err != nil {
		t.Fatal(err)
	}
	if !g.Default || g.GroupName != "default" || g.Description != "default VPC security group" || g.VPCID != vpc.ID {
		t.Errorf("default group %+v", g)
	}
	wantRules, wantEntries := defaultGroupRules, defaultACLEntries
	if ipv6 {
		wantRules, wantEntries = sorted(defaultGroupRules, []string{defaultGroupIPv6}), sorted(defaultACLEntries, defaultACLIPv6)
	}
	if got := ruleLines(g); !slices.Equal(got, sorted(wantRules)) {
		t.Errorf("default group rules:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(sorted(wantRules), "\n"))
	}
	acl, err := cloud.Describe[cloud.NetworkACL](c, ctx, vpc.DefaultNetworkACLID)
	if err != nil {
		t.Fatal(err)
	}
	if !acl.Default || acl.VPCID != vpc.ID {
		t.Errorf("default ACL %+v", acl)
	}
	if got := entryLines(acl); !slices.Equal(got, sorted(wantEntries)) {
		t.Errorf("default ACL entries:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(sorted(wantEntries), "\n"))
	}
	return vpc
}

func TestVPCComesWithDefaultSecurityGroupAndNetworkACL(t *testing.T) {
	c := freshClient(t)
	created := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	vpc := checkDefaults(t, c, created.ID, false)
	if created.DefaultSecurityGroupID != vpc.DefaultSecurityGroupID || created.DefaultNetworkACLID != vpc.DefaultNetworkACLID {
		t.Errorf("CreateVPC gave %s and %s, the store %s and %s", created.DefaultSecurityGroupID, created.DefaultNetworkACLID,
			vpc.DefaultSecurityGroupID, vpc.DefaultNetworkACLID)
	}

	checkDefaults(t, c, mustCreateVPC(t, c, ipv6VPCInput("10.1.0.0/16")).ID, true)
}

func TestDefaultRulesFollowTheVPCsIPv6Block(t *testing.T) {
	c := freshClient(t)
	ctx := context.Background()
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	if _, err := c.UpdateVPC(ctx, vpc.ID, ipv6VPCInput("10.0.0.0/16")); err != nil {
		t.Fatal(err)
	}
	checkDefaults(t, c, vpc.ID, true)
	if _, err := c.UpdateVPC(ctx, vpc.ID, vpcInput("10.0.0.0/16")); err != nil {
		t.Fatal(err)
	}
	checkDefaults(t, c, vpc.ID, false)
}

func TestSubnetsAreAssociatedWithTheDefaultNetworkACL(t *testing.T) {
	c := freshClient(t)
	ctx := context.Background()
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	if subnet.NetworkACLID != vpc.DefaultNetworkACLID {
		t.Errorf("new subnet has network ACL %q, want the default %s", subnet.NetworkACLID, vpc.DefaultNetworkACLID)
	}
	read := must(c.Subnet(ctx, subnet.ID))(t)
	if read.NetworkACLID != vpc.DefaultNetworkACLID {
		t.Errorf("subnet read with network ACL %q, want %s", read.NetworkACLID, vpc.DefaultNetworkACLID)
	}
	acl, err := cloud.Describe[cloud.NetworkACL](c, ctx, vpc.DefaultNetworkACLID)
	if err != nil {
		t.Fatal(err)
	}
	if len(acl.Associations) != 1 || acl.Associations[0].SubnetID != subnet.ID || !strings.HasPrefix(acl.Associations[0].ID, "aclassoc-") {
		t.Fatalf("default ACL associations %+v, want one aclassoc- for %s", acl.Associations, subnet.ID)
	}
	if err := c.DeleteSubnet(ctx, subnet.ID); err != nil {
		t.Fatal(err)
	}
	if acl, err = cloud.Describe[cloud.NetworkACL](c, ctx, vpc.DefaultNetworkACLID); err != nil {
		t.Fatal(err)
	}
	if len(acl.Associations) != 0 {
		t.Errorf("deleted subnet's association is left: %+v", acl.Associations)
	}
}

func TestDefaultsGoWithTheirVPCAlone(t *testing.T) {
	c := freshClient(t)
	ctx := context.Background()
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	wantCode(t, c.DeleteObject(ctx, vpc.DefaultSecurityGroupID), "CannotDelete")
	wantCode(t, c.DeleteObject(ctx, vpc.DefaultNetworkACLID), "InvalidParameterValue")
	// Tags, as on any taggable object.
	g, err := cloud.ReplaceTags[cloud.SecurityGroup](c, ctx, vpc.DefaultSecurityGroupID, map[string]string{"Name": "web"})
	if err != nil || g.Tags["Name"] != "web" {
		t.Fatalf("tagging the default group: %+v, %v", g.Tags, err)
	}
	if _, err := cloud.ReplaceTags[cloud.NetworkACL](c, ctx, vpc.DefaultNetworkACLID, map[string]string{"Name": "web"}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteVPC(ctx, vpc.ID); err != nil {
		t.Fatalf("DeleteVPC with only its defaults: %v", err)
	}
	if _, err := cloud.Describe[cloud.SecurityGroup](c, ctx, vpc.DefaultSecurityGroupID); !cloud.IsNotFound(err) {
		t.Errorf("default group after its VPC's deletion: %v", err)
	}
	if _, err := cloud.Describe[cloud.NetworkACL](c, ctx, vpc.DefaultNetworkACLID); !cloud.IsNotFound(err) {
		t.Errorf("default ACL after its VPC's deletion: %v", err)
	}
}
