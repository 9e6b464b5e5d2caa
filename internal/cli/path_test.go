package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestPath follows paths in the lab: SSH from the internet into a public
// subnet gets through; into a subnet behind an ACL without rules for
// replies it stops there, and the command says where and what would fix it.
func TestPath(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	out := mustRun(t, location, "", "path", "internet", ids["subnet public-a"], "--port", "22")
	for _, want := range []string{
		"  internet: 8.8.8.8, standing for any internet address\n",
		"  internet_gateway " + ids["igw"] + "\n",
		"  network_acl " + ids["acl default"] + ": rule 100 allows all traffic from 0.0.0.0/0 inbound\n",
		"  subnet " + ids["subnet public-a"] + ": 10.0.1.4; no security group filters it",
		"reachable: tcp 22 over ipv4 from internet to " + ids["subnet public-a"] + " gets through, and back\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("simcloud path internet public-a: want %q in\n%s", want, out)
		}
	}

	var acl cloud.NetworkACL
	withClient(t, location, func(c *cloud.Client, _ *world) {
		https := cloud.NetworkACLEntrySpec{RuleNumber: 100, Protocol: "tcp", RuleAction: "allow", CIDRBlock: "10.0.0.0/16", FromPort: ptr(443), ToPort: ptr(443)}
		acl = must(c.CreateNetworkACL(context.Background(), cloud.NetworkACLInput{VPCID: ids["vpc"], ManageIngress: true, ManageEgress: true,
			Entries: []cloud.NetworkACLEntrySpec{https}, ManageSubnets: true, SubnetIDs: []string{ids["subnet private-b"]}}))(t)
	})
	r := run(t, location, "", "path", ids["subnet public-a"], ids["subnet private-b"], "--protocol", "6", "--port", "443")
	if r.code != 0 || !strings.Contains(r.stdout, "not reachable: the reply to tcp 443: "+acl.ID+" rule * denies tcp 1024-65535 outbound") ||
		!strings.Contains(r.stdout, "How to fix: Add an outbound rule to "+acl.ID+" that allows tcp 1024-65535 to 10.0.1.4/32.") {
		t.Errorf("path to a subnet whose ACL drops replies: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	var answer struct {
		Reachable bool `json:"reachable"`
		Hops      []struct{ Kind, ID string }
		BreaksAt  string `json:"breaks_at"`
	}
	js := mustRun(t, location, "", "path", "-o", "json", "internet", ids["subnet private-a"], "--protocol", "icmp", "--ip-version", "ipv6")
	if err := json.Unmarshal([]byte(js), &answer); err != nil || answer.Reachable || !strings.Contains(answer.BreaksAt, ids["eigw"]+" is egress-only") {
		t.Errorf("path -o json: %+v %v\n%s", answer, err, js)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"path", "internet"}, 2, "path takes two ends"},
		{[]string{"path", "internet", ids["subnet public-a"], "--protocol", "icmp", "--port", "22"}, 2, "--port applies to tcp and udp only"},
		{[]string{"path", "internet", "internet"}, 1, "One end of the path must be in a VPC"},
		{[]string{"path", "internet", ids["vpc"]}, 1, "Use internet, or the ID of"},
		{[]string{"path", "internet", ids["subnet public-a"], "--protocol", "gre"}, 1, "protocol"},
	} {
		if r := run(t, location, "", tc.args...); r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("simcloud %s: exit %d, stderr %q; want %d and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.code, tc.want)
		}
	}
}

// TestPathToInstance: simcloud path follows SSH from the internet to an
// instance of the lab's public subnet through its elastic IP, naming the
// group and the rule that let it in; without the rule it names the group.
func TestPathToInstance(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	var inst cloud.Instance
	var group cloud.SecurityGroup
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		ssh := cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 22, ToPort: 22, CIDRIPv4: "0.0.0.0/0"}
		group = must(c.CreateSecurityGroup(ctx, cloud.SecurityGroupInput{VPCID: ids["vpc"], GroupName: "ssh", Description: "ssh",
			Ingress: []cloud.SecurityGroupRule{ssh}, ManageIngress: true}))(t)
		noPublicIP := false
		inst = must(c.RunInstance(ctx, cloud.InstanceInput{AMI: "ami-0123456789abcdef0", InstanceType: "t3.micro", SubnetID: ids["subnet public-a"],
			PrivateIP: "10.0.1.50", SecurityGroupIDs: []string{group.ID}, AssociatePublicIPAddress: &noPublicIP, SourceDestCheck: true}))(t)
		eip := must(c.AllocateAddress(ctx, nil))(t)
		must(c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: inst.ID}))(t)
	})
	out := mustRun(t, location, "", "path", "internet", inst.ID, "--protocol", "tcp", "--port", "22")
	for _, want := range []string{
		"  internet: 8.8.8.8, standing for any internet address\n",
		"  internet_gateway " + ids["igw"] + "\n",
		"  network_acl " + ids["acl default"] + ": rule 100 allows all traffic from 0.0.0.0/0 inbound\n",
		"  security_group " + group.ID + ": rule sgr-",
		" allows tcp 22 from 0.0.0.0/0 inbound\n",
		"  instance " + inst.ID + ": 10.0.1.50\n",
		"  subnet " + ids["subnet public-a"] + "\n",
		"reachable: tcp 22 over ipv4 from internet to " + inst.ID + " gets through, and back\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("simcloud path internet %s: want %q in\n%s", inst.ID, want, out)
		}
	}
	r := run(t, location, "", "path", "internet", inst.ID, "--protocol", "tcp", "--port", "5432")
	if r.code != 0 || !strings.Contains(r.stdout, "not reachable: "+group.ID+" allows no tcp 5432 from 8.8.8.8 inbound") {
		t.Errorf("path on a port the group does not open: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
