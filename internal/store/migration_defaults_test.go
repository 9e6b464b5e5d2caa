package store

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestMigrationGivesVPCsTheirDefaults takes a cloud with a VPC and a subnet
// back to schema version 8, before security groups and network ACLs, and
// opens it again: the migration gives the VPC its default group and ACL,
// with their rules, and the subnet its association with that ACL.
func TestMigrationGivesVPCsTheirDefaults(t *testing.T) {
	ctx := context.Background()
	location, st, c := openFresh(t)
	in := cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default", AssignGeneratedIPv6CIDRBlock: true}
	vpc, err := c.CreateVPC(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	subnet, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24"})
	if err != nil {
		t.Fatal(err)
	}
	st = downgrade(t, st, location, nil, append(undoLaterColumns,
		`DROP TABLE network_acl_associations`,
		`DROP TABLE network_acl_entries`,
		`DROP TABLE network_acls`,
		`DROP TABLE security_group_rule_managers`,
		`DROP TABLE security_group_rules`,
		`DROP TABLE security_groups`,
		`DELETE FROM schema_migrations WHERE version >= 9`)...)
	c = storetest.Client(t, st)

	migrated, err := c.VPC(ctx, vpc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(migrated.DefaultSecurityGroupID, "sg-") || !strings.HasPrefix(migrated.DefaultNetworkACLID, "acl-") {
		t.Fatalf("migrated VPC has default group %q and ACL %q", migrated.DefaultSecurityGroupID, migrated.DefaultNetworkACLID)
	}
	g, err := cloud.Describe[cloud.SecurityGroup](c, ctx, migrated.DefaultSecurityGroupID)
	if err != nil {
		t.Fatal(err)
	}
	// Inbound from itself; outbound to 0.0.0.0/0 and, with IPv6, ::/0.
	if !g.Default || g.GroupName != "default" || len(g.Rules) != 3 {
		t.Errorf("migrated default group %+v", g)
	}
	acl, err := cloud.Describe[cloud.NetworkACL](c, ctx, migrated.DefaultNetworkACLID)
	if err != nil {
		t.Fatal(err)
	}
	// 100, 101 and the two "*" rules, each way.
	if !acl.Default || len(acl.Entries) != 8 {
		t.Errorf("migrated default ACL %+v", acl)
	}
	if len(acl.Associations) != 1 || acl.Associations[0].SubnetID != subnet.ID {
		t.Errorf("migrated default ACL associations %+v, want %s", acl.Associations, subnet.ID)
	}
	// The migrated VPC still goes with its defaults.
	if err := c.DeleteSubnet(ctx, subnet.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteVPC(ctx, vpc.ID); err != nil {
		t.Fatal(err)
	}
}

// TestMigrationMarksUsedScopes takes a cloud with a VPC back before
// migration 19: the migration counts the VPC's scope as used, so no default
// VPC appears in it, while a scope without objects gets one on first use.
func TestMigrationMarksUsedScopes(t *testing.T) {
	ctx := context.Background()
	location, st, c := openFresh(t)
	if _, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default"}); err != nil {
		t.Fatal(err)
	}
	// The schema's version counts the files: migration 19 and those after
	// it run again (they create only what is missing).
	st = downgrade(t, st, location, nil, `DROP TABLE used_scopes`,
		`DELETE FROM schema_migrations WHERE version >= 19`)
	c = storetest.Client(t, st)
	if made, err := c.UseScope(ctx); err != nil || made {
		t.Errorf("a scope used before the migration got a default VPC (%v)", err)
	}
	other, err := c.InRegion("eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	if made, err := other.UseScope(ctx); err != nil || !made {
		t.Errorf("a scope never used got no default VPC (%v)", err)
	}
}
