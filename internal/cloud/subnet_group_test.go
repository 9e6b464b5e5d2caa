package cloud_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// zoneB is a second subnet of the catalog's VPC, in another zone than its
// first, so that a DB subnet group of the two covers enough zones.
func zoneB(t *testing.T, c *cloud.Client, n catalogNet) cloud.Subnet {
	t.Helper()
	in := subnetInput(n.vpc.ID, "10.0.2.0/24")
	in.AvailabilityZone = "us-east-1b"
	return mustCreateSubnet(t, c, in)
}

func groupOf(name string, subnets ...string) cloud.SubnetGroupInput {
	return cloud.SubnetGroupInput{Name: name, Description: "Managed by Terraform", SubnetIDs: subnets}
}

// subnetGroupRefusals are the error catalog's scenarios of the three
// services' subnet groups.
func subnetGroupRefusals() []refusal {
	var out []refusal
	alreadyExists := map[string]string{"dbsubnetgroup": "DBSubnetGroupAlreadyExists", "cachesubnetgroup": "CacheSubnetGroupAlreadyExists",
		"clustersubnetgroup": "ClusterSubnetGroupAlreadyExists"}
	notFound := map[string]string{"dbsubnetgroup": "DBSubnetGroupNotFoundFault", "cachesubnetgroup": "CacheSubnetGroupNotFoundFault",
		"clustersubnetgroup": "ClusterSubnetGroupNotFoundFault"}
	for _, kind := range cloud.NamedKinds() {
		out = append(out,
			refusal{name: kind.Prefix + " name taken, at apply", code: alreadyExists[kind.Prefix], field: "name",
				trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
					b := zoneB(t, c, n)
					must(c.CreateSubnetGroup(bg, kind, groupOf("data", n.subnet.ID, b.ID)))(t)
					_, err := c.CreateSubnetGroup(bg, kind, groupOf("data", b.ID, n.subnet.ID))
					return []string{"data"}, err
				}},
			refusal{name: kind.Prefix + " name claimed by another group of the plan", code: alreadyExists[kind.Prefix], field: "name",
				trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
					b := zoneB(t, c, n)
					p := cloud.NewPlan()
					other := "the other group planned with name data"
					noErr(t, c.CheckSubnetGroup(bg, p, p.NewHolderNamed(other), kind, groupOf("data", n.subnet.ID, b.ID), true))
					return []string{"data", other}, c.CheckSubnetGroup(bg, p, p.NewHolder(), kind, groupOf("data", n.subnet.ID, b.ID), true)
				}},
			refusal{name: kind.Prefix + " unknown", code: notFound[kind.Prefix], field: "name",
				trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
					_, err := c.SubnetGroup(bg, kind, "nothing")
					return []string{"nothing"}, err
				}},
			refusal{name: kind.Prefix + " of an unknown subnet, at plan", code: "InvalidSubnet", field: "subnet_ids",
				trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
					p := cloud.NewPlan()
					return []string{unknownSub}, c.CheckSubnetGroup(bg, p, p.NewHolder(), kind, groupOf("data", n.subnet.ID, unknownSub), true)
				}},
			refusal{name: kind.Prefix + " across two VPCs", code: "InvalidSubnet", field: "subnet_ids",
				trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
					in := subnetInput(n.otherVPC.ID, "10.1.1.0/24")
					in.AvailabilityZone = "us-east-1b"
					other := mustCreateSubnet(t, c, in)
					_, err := c.CreateSubnetGroup(bg, kind, groupOf("data", n.subnet.ID, other.ID))
					return []string{n.subnet.ID, other.ID, n.vpc.ID, n.otherVPC.ID}, err
				}},
			refusal{name: kind.Prefix + " subnet deleted while in a group", code: "DependencyViolation",
				trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
					b := zoneB(t, c, n)
					g := must(c.CreateSubnetGroup(bg, kind, groupOf("data", n.subnet.ID, b.ID)))(t)
					return []string{b.ID, g.ARN}, c.DeleteSubnet(bg, b.ID)
				}},
		)
	}
	return append(out,
		refusal{name: "DB subnet group in one zone", code: "DBSubnetGroupDoesNotCoverEnoughAZs", field: "subnet_ids",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				same := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.3.0/24"))
				_, err := c.CreateSubnetGroup(bg, cloud.KindDBSubnetGroup, groupOf("data", n.subnet.ID, same.ID))
				return []string{n.subnet.ID, same.ID}, err
			}},
		refusal{name: "DB subnet group named default", code: "InvalidParameterValue", field: "name", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.ValidateSubnetGroupName(cloud.KindDBSubnetGroup, "default", "name", false)
			}},
		refusal{name: "subnet group of no subnets", code: "InvalidSubnet", field: "subnet_ids", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateSubnetGroup(bg, cloud.KindCacheSubnetGroup, groupOf("data")))
			}},
	)
}

// TestSubnetGroupLifecycle: a group is made, read with what its subnets make
// of it, changed in place, kept apart from the same name in another
// service, and deleted; then its subnets can go.
func TestSubnetGroupLifecycle(t *testing.T) {
	c := freshClient(t)
	n := newCatalogNet(t, c)
	b := zoneB(t, c, n)
	in := groupOf("data", n.subnet.ID, b.ID)
	in.Tags = map[string]string{"tier": "data"}
	g := must(c.CreateSubnetGroup(bg, cloud.KindDBSubnetGroup, in))(t)
	if g.ARN != "arn:aws:rds:us-east-1:123456789012:subgrp:data" || g.VPCID != n.vpc.ID || g.Tags["tier"] != "data" {
		t.Errorf("created %+v", g)
	}
	if !slices.Equal(g.SupportedNetworkTypes, []string{"IPV4"}) {
		t.Errorf("supported network types of IPv4-only subnets: %v", g.SupportedNetworkTypes)
	}
	cache, err := c.CreateSubnetGroup(bg, cloud.KindCacheSubnetGroup, groupOf("data", n.subnet.ID))
	if err != nil {
		t.Fatalf("the same name in ElastiCache: %v", err)
	}
	if !strings.HasPrefix(cache.ARN, "arn:aws:elasticache:us-east-1:123456789012:subnetgroup:") || len(cache.Tags) != 0 {
		t.Errorf("the ElastiCache group %+v shares something with the DB group", cache)
	}
	// ElastiCache keeps names lowercased: Data is data.
	_, err = c.CreateSubnetGroup(bg, cloud.KindCacheSubnetGroup, groupOf("Data", n.subnet.ID))
	wantCode(t, err, "CacheSubnetGroupAlreadyExists")
	if got := must(c.SubnetGroup(bg, cloud.KindCacheSubnetGroup, "DATA"))(t); got.Name != "data" {
		t.Errorf("looked up in capitals: %+v", got)
	}
	in.Description, in.SubnetIDs, in.Tags = "changed", []string{b.ID, n.subnet.ID}, nil
	third := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.5.0/24"))
	in.SubnetIDs = append(in.SubnetIDs, third.ID)
	g, err = c.UpdateSubnetGroup(bg, cloud.KindDBSubnetGroup, "data", in)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{n.subnet.ID, b.ID, third.ID}
	slices.Sort(want)
	if g.Description != "changed" || !slices.Equal(g.SubnetIDs, want) || len(g.Tags) != 0 {
		t.Errorf("updated %+v", g)
	}
	// Leaving the group frees a subnet.
	in.SubnetIDs = []string{n.subnet.ID, b.ID}
	must(c.UpdateSubnetGroup(bg, cloud.KindDBSubnetGroup, "data", in))(t)
	if err := c.DeleteSubnet(bg, third.ID); err != nil {
		t.Errorf("a subnet taken out of the group: %v", err)
	}
	if err := c.DeleteSubnetGroup(bg, cloud.KindDBSubnetGroup, "data"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SubnetGroup(bg, cloud.KindDBSubnetGroup, "data"); !cloud.IsNotFound(err) {
		t.Errorf("after delete: %v", err)
	}
	if err := c.DeleteSubnet(bg, b.ID); err != nil {
		t.Errorf("the DB group's subnet after the group: %v", err)
	}
	wantCode(t, c.DeleteSubnet(bg, n.subnet.ID), "DependencyViolation") // still in the ElastiCache group
}

// TestSubnetGroupsDualStack: every subnet with an IPv6 block lets RDS offer
// DUAL, as the subnets are when read, not when the group was made.
func TestSubnetGroupsDualStack(t *testing.T) {
	c := freshClient(t)
	n := newCatalogNet(t, c)
	in := subnetInput(n.vpc.ID, "10.0.2.0/24")
	in.AvailabilityZone, in.IPv6CIDRBlock = "us-east-1b", n.v6a
	b := mustCreateSubnet(t, c, in)
	g := must(c.CreateSubnetGroup(bg, cloud.KindDBSubnetGroup, groupOf("dual", b.ID, n.subnet.ID)))(t)
	if !slices.Equal(g.SupportedNetworkTypes, []string{"IPV4"}) {
		t.Fatalf("one subnet without IPv6: %v", g.SupportedNetworkTypes)
	}
	up := subnetInput(n.vpc.ID, n.subnet.CIDRBlock)
	up.IPv6CIDRBlock = strings.Replace(n.v6a, "00::/64", "01::/64", 1)
	if _, err := c.UpdateSubnet(bg, n.subnet.ID, up); err != nil {
		t.Skipf("cannot give the subnet a second IPv6 block (%s): %v", up.IPv6CIDRBlock, err)
	}
	g = must(c.SubnetGroup(bg, cloud.KindDBSubnetGroup, "dual"))(t)
	if !slices.Equal(g.SupportedNetworkTypes, []string{"IPV4", "DUAL"}) {
		t.Errorf("every subnet dual-stack: %v", g.SupportedNetworkTypes)
	}
}

// TestSubnetGroupNameRace: of two runs creating one name at once, one gets
// the group and the other the service's code, never a database error.
func TestSubnetGroupNameRace(t *testing.T) {
	c := freshClient(t)
	n := newCatalogNet(t, c)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = c.CreateSubnetGroup(bg, cloud.KindClusterSubnetGroup, groupOf("race", n.subnet.ID))
		}()
	}
	wg.Wait()
	created := 0
	for _, err := range errs {
		switch cloud.ErrorCode(err) {
		case "":
			if err != nil {
				t.Errorf("not a refusal: %v", err)
			}
			created++
		case "ClusterSubnetGroupAlreadyExists":
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	if created != 1 {
		t.Errorf("%d groups created, want 1", created)
	}
}

// TestSubnetGroupNames: each service's names, as the AWS provider checks
// them.
func TestSubnetGroupNames(t *testing.T) {
	for _, tc := range []struct {
		kind   cloud.Kind
		name   string
		prefix bool
		ok     bool
	}{
		{cloud.KindDBSubnetGroup, "my db.group_1", false, true},
		{cloud.KindDBSubnetGroup, "MyGroup", false, false},
		{cloud.KindDBSubnetGroup, "default", false, false},
		{cloud.KindDBSubnetGroup, "default", true, true},
		{cloud.KindDBSubnetGroup, "", false, false},
		{cloud.KindDBSubnetGroup, strings.Repeat("a", 255), false, true},
		{cloud.KindDBSubnetGroup, strings.Repeat("a", 256), false, false},
		{cloud.KindDBSubnetGroup, strings.Repeat("a", 230), true, false},
		{cloud.KindCacheSubnetGroup, "cache-1", false, true},
		{cloud.KindCacheSubnetGroup, "cache_1", false, false},
		{cloud.KindCacheSubnetGroup, "Cache-1", false, true},
		{cloud.KindClusterSubnetGroup, "default", false, false},
		{cloud.KindClusterSubnetGroup, "red shift", false, false},
	} {
		err := cloud.ValidateSubnetGroupName(tc.kind, tc.name, "name", tc.prefix)
		if (err == nil) != tc.ok {
			t.Errorf("%s %q (prefix %t): %v, want ok %t", tc.kind.Prefix, tc.name, tc.prefix, err, tc.ok)
		}
	}
}
