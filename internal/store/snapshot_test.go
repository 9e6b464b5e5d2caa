package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// populate builds a small cloud with one object of every kind, in two
// accounts, through the engine.
func populate(t *testing.T, st cloud.Store) {
	t.Helper()
	ctx := context.Background()
	for _, account := range []string{"123456789012", "210987654321"} {
		c, err := cloud.NewClient(st, cloud.Scope{AccountID: account, Region: "eu-west-1"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		// The scope's mark of its first use (without the default VPC that
		// UseScope would make, which these tests do not count).
		if err := st.Write(ctx, func(tx cloud.Tx) error {
			_, err := tx.MarkScopeUsed(c.Scope())
			return err
		}); err != nil {
			t.Fatal(err)
		}
		vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default", EnableDNSSupport: true,
			AssignGeneratedIPv6CIDRBlock: true, Tags: map[string]string{"Name": "main", "env": "lab"}})
		if err != nil {
			t.Fatal(err)
		}
		igw, err := c.CreateInternetGateway(ctx, vpc.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.AssociateVPCCIDRBlock(ctx, vpc.ID, "10.1.0.0/16"); err != nil {
			t.Fatal(err)
		}
		dhcp, err := c.CreateDHCPOptions(ctx, cloud.DHCPOptionsInput{DomainName: "corp.example", NTPServers: []string{"10.0.0.9", "fd00::9"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AssociateDHCPOptions(ctx, dhcp.ID, vpc.ID); err != nil {
			t.Fatal(err)
		}
		corp, err := c.CreateManagedPrefixList(ctx, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 5,
			Entries: []cloud.PrefixListEntry{{CIDR: "10.0.0.0/8", Description: "a, \"quoted\" note"}, {CIDR: "172.16.0.0/12"}}, Tags: map[string]string{"Name": "corp"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ImportKeyPair(ctx, cloud.KeyPairInput{Name: "deployer", Tags: map[string]string{"Name": "deployer"},
			PublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGwTrxJRW6lp7CXueaqmMn3IoairrTE0zBTairrCAr+ test@simcloud"}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil); err != nil {
			t.Fatal(err)
		}
		subnet, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24", Tags: map[string]string{"Name": "public"}})
		if err != nil {
			t.Fatal(err)
		}
		table, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true,
			Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: igw.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Associate(ctx, subnet.ID, table.ID); err != nil {
			t.Fatal(err)
		}
		eip, err := c.AllocateAddress(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: subnet.ID, AllocationID: eip.AllocationID, ConnectivityType: "public"}); err != nil {
			t.Fatal(err)
		}
		// An instance with its primary interface, an interface of its own
		// and an elastic IP associated with the instance.
		yes := true
		instance, err := c.RunInstance(ctx, cloud.InstanceInput{AMI: "ami-0123456789abcdef0", InstanceType: "t3.micro", SubnetID: subnet.ID,
			AssociatePublicIPAddress: &yes, SourceDestCheck: true, UserData: "#!/bin/sh\necho hi", Tags: map[string]string{"Name": "web"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID, PrivateIPs: []string{"10.0.1.50"},
			SecondaryPrivateIPCount: 2, Description: "spare, with a comma", Tags: map[string]string{"Name": "spare"}}); err != nil {
			t.Fatal(err)
		}
		eipWeb, err := c.AllocateAddress(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eipWeb.AllocationID, InstanceID: instance.ID}); err != nil {
			t.Fatal(err)
		}
		// Rules of a rule resource, with their manager and tags, one of
		// them naming a prefix list.
		if _, err := c.PutSecurityGroupRules(ctx, cloud.SecurityGroupRulesInput{GroupID: vpc.DefaultSecurityGroupID,
			Rules: []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 22, ToPort: 22, CIDRIPv4: "10.0.0.0/8"},
				{IPProtocol: "tcp", FromPort: 443, ToPort: 443, PrefixListID: corp.ID}},
			Tags: map[string]string{"Name": "ssh"}}); err != nil {
			t.Fatal(err)
		}
		vgw, err := c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{VPCID: vpc.ID, AmazonSideASN: "65000", Tags: map[string]string{"Name": "vpn"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.EnableVGWRoutePropagation(ctx, cloud.VGWRoutePropagation{VPNGatewayID: vgw.ID, RouteTableID: table.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateCustomerGateway(ctx, cloud.CustomerGatewayInput{BGPASN: "65000", IPAddress: "203.0.113.12", Type: "ipsec.1"}); err != nil {
			t.Fatal(err)
		}
		second, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.2.0/24", AvailabilityZone: "eu-west-1b"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.SetBlockPublicAccessOptions(ctx, cloud.BlockPublicAccessIngress); err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateBlockPublicAccessExclusion(ctx, cloud.ExclusionInput{SubnetID: subnet.ID, Mode: cloud.ExclusionAllowEgress,
			Tags: map[string]string{"why": "nat"}}); err != nil {
			t.Fatal(err)
		}
		// One name in three services: three groups.
		for _, kind := range cloud.NamedKinds() {
			in := cloud.SubnetGroupInput{Name: "data", Description: "d", SubnetIDs: []string{subnet.ID, second.ID}, Tags: map[string]string{"tier": "data"}}
			if _, err := c.CreateSubnetGroup(ctx, kind, in); err != nil {
				t.Fatal(err)
			}
		}
		populateLogging(t, c, vpc.ID)
		// A Gateway endpoint, whose route is a row of routes.
		if _, err := c.CreateVPCEndpoint(ctx, cloud.VPCEndpointInput{VPCID: vpc.ID, ServiceName: cloud.EndpointServiceName("eu-west-1", "s3"),
			Type: cloud.EndpointTypeGateway, RouteTableIDs: []string{table.ID}, Tags: map[string]string{"Name": "s3"}}); err != nil {
			t.Fatal(err)
		}
		populateIPAM(t, c)
	}
	populatePeering(t, st)
}

// populatePeering links the first account's VPC to one of its VPCs in
// another region, accepted there: a connection outside any one scope.
func populatePeering(t *testing.T, st cloud.Store) {
	t.Helper()
	ctx := context.Background()
	requester, err := cloud.NewClient(st, cloud.Scope{AccountID: "123456789012", Region: "eu-west-1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	accepter, err := requester.InRegion("eu-west-2")
	if err != nil {
		t.Fatal(err)
	}
	vpcs, err := requester.FindVPCs(ctx, cloud.VPCFilter{})
	if err != nil || len(vpcs) != 1 {
		t.Fatalf("the requester's VPCs: %v, %v", vpcs, err)
	}
	peer, err := accepter.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.2.0.0/16", InstanceTenancy: "default", AssignGeneratedIPv6CIDRBlock: true})
	if err != nil {
		t.Fatal(err)
	}
	p, err := requester.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: vpcs[0].ID, PeerVPCID: peer.ID, PeerRegion: "eu-west-2", Tags: map[string]string{"Name": "to-peer"}})
	if err != nil {
		t.Fatal(err)
	}
	dns := true
	if _, err := accepter.ChangePeering(ctx, p.ID, cloud.PeeringChange{Accept: true, AccepterAllowDNS: &dns}); err != nil {
		t.Fatal(err)
	}
}

// populateIPAM adds an IPAM, a pool with a CIDR, and a pool that takes a
// block of it (an allocation of the first).
func populateIPAM(t *testing.T, c *cloud.Client) {
	t.Helper()
	ctx := context.Background()
	ipam, err := c.CreateIPAM(ctx, cloud.IPAMInput{Tier: "advanced", OperatingRegions: []string{"eu-west-1"}, Tags: map[string]string{"Name": "ipam"}})
	if err != nil {
		t.Fatal(err)
	}
	pool, err := c.CreateIPAMPool(ctx, cloud.IPAMPoolInput{ScopeID: ipam.PrivateDefaultScopeID, AddressFamily: "ipv4", Locale: "eu-west-1",
		IPAMPoolSettings: cloud.IPAMPoolSettings{AllocationDefaultNetmaskLength: 20}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ProvisionIPAMPoolCIDR(ctx, cloud.IPAMPoolCIDRInput{PoolID: pool.ID, CIDR: "10.64.0.0/12"}); err != nil {
		t.Fatal(err)
	}
	child, err := c.CreateIPAMPool(ctx, cloud.IPAMPoolInput{ScopeID: ipam.PrivateDefaultScopeID, AddressFamily: "ipv4", SourcePoolID: pool.ID,
		Tags: map[string]string{"Name": "child"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ProvisionIPAMPoolCIDR(ctx, cloud.IPAMPoolCIDRInput{PoolID: child.ID, NetmaskLength: 16}); err != nil {
		t.Fatal(err)
	}
}

// populateLogging adds what flow logs need: a role with an attached and an
// inline policy, a log group and the flow log itself.
func populateLogging(t *testing.T, c *cloud.Client, vpcID string) {
	t.Helper()
	ctx := context.Background()
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"vpc-flow-logs.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	role, err := c.CreateIAMRole(ctx, cloud.IAMRoleInput{Name: "flow-logs", Path: "/", AssumeRolePolicy: trust, MaxSessionDuration: 3600,
		Tags: map[string]string{"Name": "flow-logs"}})
	if err != nil {
		t.Fatal(err)
	}
	permissions := `{"Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"}]}`
	policy, err := c.CreateIAMPolicy(ctx, cloud.IAMPolicyInput{Name: "flow-logs", Path: "/", Document: permissions})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AttachRolePolicy(ctx, role.Name, policy.ARN); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PutRolePolicy(ctx, role.Name, "inline", permissions); err != nil {
		t.Fatal(err)
	}
	group, err := c.CreateLogGroup(ctx, cloud.LogGroupInput{Name: "/vpc/flow-logs", LogGroupClass: "STANDARD", RetentionInDays: 7})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateFlowLog(ctx, cloud.FlowLogInput{Target: cloud.FlowLogTargets[0], ResourceID: vpcID, TrafficType: "ALL",
		LogDestinationType: "cloud-watch-logs", LogDestination: group.ARN, IAMRoleARN: role.ARN, MaxAggregationInterval: 600}); err != nil {
		t.Fatal(err)
	}
}

func exportJSON(t *testing.T, st cloud.Store) []byte {
	t.Helper()
	snap, err := Export(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(snap, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSnapshotRoundTrip exports a cloud, imports it into a new one (of the
// store under test) and exports again: the two exports are identical and
// hold every kind of row.
func TestSnapshotRoundTrip(t *testing.T) {
	from := openStore(t)
	populate(t, from)
	first := exportJSON(t, from)

	var snap Snapshot
	if err := json.Unmarshal(first, &snap); err != nil {
		t.Fatal(err)
	}
	for _, table := range snapshotTables {
		if len(snap.Tables[table.name]) == 0 {
			t.Errorf("the export has no rows of %s", table.name)
		}
	}
	to := openStore(t)
	if err := Import(context.Background(), to, &snap); err != nil {
		t.Fatal(err)
	}
	if second := exportJSON(t, to); string(second) != string(first) {
		t.Errorf("the round trip changed the cloud:\nfirst:\n%s\nsecond:\n%s", first, second)
	}
	// Columns the store derives for its lookups are computed again.
	if err := to.Read(context.Background(), func(tx cloud.ReadTx) error {
		raw, ok := tx.(*sqlTx)
		if !ok {
			t.Fatalf("the store's transaction is a %T", tx)
		}
		var missing int
		if err := raw.queryRow(`SELECT COUNT(*) FROM subnets WHERE cidr_first IS NULL`).Scan(&missing); err != nil {
			return err
		}
		if missing > 0 {
			t.Errorf("%d imported subnets have no cidr_first", missing)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The imported cloud works: the engine sees the objects.
	c, err := cloud.NewClient(to, cloud.Scope{AccountID: "210987654321", Region: "eu-west-1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	vpcs, err := c.FindVPCs(context.Background(), cloud.VPCFilter{})
	if err != nil || len(vpcs) != 1 || vpcs[0].MainRouteTableID == "" {
		t.Errorf("after import the second account sees %+v, %v; want one VPC with its main table", vpcs, err)
	}

	// A second import into the now full cloud is refused, and changes nothing.
	err = Import(context.Background(), to, &snap)
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("import into a full cloud: got %v, want a refusal", err)
	}

	if err := Reset(context.Background(), to); err != nil {
		t.Fatal(err)
	}
	wantEmpty(t, to, "reset")
}

// TestImportIsAllOrNothing: a snapshot whose last rows break a foreign key
// leaves the cloud empty.
func TestImportIsAllOrNothing(t *testing.T) {
	st := openStore(t)
	populate(t, st)
	snap, err := Export(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	snap.Tables["nat_gateways"][0]["subnet_id"] = "subnet-00000000000000000"
	fresh := openStore(t)
	if err := Import(context.Background(), fresh, snap); err == nil {
		t.Fatal("an import that breaks a foreign key succeeded")
	}
	wantEmpty(t, fresh, "a failed import")
}

// wantEmpty fails the test unless st holds no rows, after what happened.
func wantEmpty(t *testing.T, st cloud.Store, after string) {
	t.Helper()
	snap, err := Export(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	for name, rows := range snap.Tables {
		if len(rows) != 0 {
			t.Errorf("after %s %s has %d rows", after, name, len(rows))
		}
	}
}

func TestImportRejectsMalformedSnapshots(t *testing.T) {
	st := openStore(t)
	row := func() map[string]any {
		return map[string]any{"resource_id": "vpc-1", "key": "k", "value": "v"}
	}
	cases := map[string]struct {
		snap Snapshot
		want string
	}{
		"format":  {Snapshot{Format: "other", Version: 1}, "not a simcloud export"},
		"version": {Snapshot{Format: SnapshotFormat, Version: 99}, "layout version 99"},
		"table":   {Snapshot{Format: SnapshotFormat, Version: 1, Tables: map[string][]map[string]any{"users": nil}}, `table "users"`},
		"column": {Snapshot{Format: SnapshotFormat, Version: 1, Tables: map[string][]map[string]any{
			"tags": {func() map[string]any { r := row(); r["x"] = "y"; return r }()}}}, `unknown column "x"`},
		"missing": {Snapshot{Format: SnapshotFormat, Version: 1, Tables: map[string][]map[string]any{
			"tags": {func() map[string]any { r := row(); delete(r, "value"); return r }()}}}, `column "value" is missing`},
		"type": {Snapshot{Format: SnapshotFormat, Version: 1, Tables: map[string][]map[string]any{
			"tags": {func() map[string]any { r := row(); r["value"] = true; return r }()}}}, "wrong type"},
	}
	for name, tc := range cases {
		err := Import(context.Background(), st, &tc.snap)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, tc.want)
		}
	}
}

func TestResolveScope(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	cases := []struct {
		account, region string
		vars            map[string]string
		want            cloud.Scope
	}{
		{"", "", nil, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}},
		{"", "", map[string]string{"SIMCLOUD_REGION": "eu-west-1"}, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: "eu-west-1"}},
		{"210987654321", "ap-south-1", map[string]string{"SIMCLOUD_REGION": "eu-west-1"}, cloud.Scope{AccountID: "210987654321", Region: "ap-south-1"}},
	}
	for _, tc := range cases {
		if got := ResolveScope(tc.account, tc.region, env(tc.vars)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ResolveScope(%q, %q, %v) = %+v, want %+v", tc.account, tc.region, tc.vars, got, tc.want)
		}
	}
}

// TestImportOfAnOlderSnapshotAddsDefaults: a snapshot made before VPCs had
// default security groups and network ACLs imports into a sound cloud, each
// VPC with its defaults and each subnet with its ACL, as migration 9 makes
// of a database of that time.
func TestImportOfAnOlderSnapshotAddsDefaults(t *testing.T) {
	ctx := context.Background()
	snap := populatedExport(t)
	for _, table := range []string{"security_groups", "security_group_rules", "network_acls", "network_acl_entries", "network_acl_associations"} {
		if len(snap.Tables[table]) == 0 {
			t.Fatalf("the export has no rows in %s", table)
		}
		delete(snap.Tables, table)
	}
	// Nor had it rule resources, whose rules have managers and tags.
	delete(snap.Tables, "security_group_rule_managers")
	snap.Tables["tags"] = slices.DeleteFunc(snap.Tables["tags"], func(row map[string]any) bool {
		return strings.HasPrefix(fmt.Sprint(row["resource_id"]), "sgr-")
	})
	// Nor did it mark default VPCs: its VPCs are nobody's default.
	for _, row := range snap.Tables["vpcs"] {
		delete(row, "is_default")
	}
	location := storetest.Location(t)
	dst, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = dst.Close() }()
	if err := Import(ctx, dst, snap); err != nil {
		t.Fatal(err)
	}
	if broken, err := storetest.Invariants(location); err != nil || len(broken) > 0 {
		t.Fatalf("the imported cloud: %v %v", broken, err)
	}
	again, err := Export(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range again.Tables["vpcs"] {
		if row["is_default"] != false {
			t.Errorf("imported VPC %v is_default = %v, want false", row["id"], row["is_default"])
		}
	}
	if got, vpcs := len(again.Tables["network_acl_entries"]), len(again.Tables["vpcs"]); got != vpcs*8 {
		t.Errorf("the imported cloud has %d network ACL entries, want 8 for each of its %d IPv6 VPCs", got, vpcs)
	}
}

// TestImportOfASnapshotBeforeSubnetLaunchSettings: a snapshot made before
// migration 15 has none of its columns; its subnets import with the
// migration's defaults, as a migrated database has them.
func TestImportOfASnapshotBeforeSubnetLaunchSettings(t *testing.T) {
	ctx := context.Background()
	snap := populatedExport(t)
	if len(snap.Tables["subnets"]) == 0 {
		t.Fatal("the export has no subnets")
	}
	for _, row := range snap.Tables["subnets"] {
		for _, column := range []string{"enable_dns64", "enable_lni_at_device_index", "enable_resource_name_dns_aaaa_record_on_launch",
			"enable_resource_name_dns_a_record_on_launch", "ipv6_native", "private_dns_hostname_type_on_launch"} {
			delete(row, column)
		}
	}
	dst := openStore(t)
	if err := Import(ctx, dst, snap); err != nil {
		t.Fatal(err)
	}
	again, err := Export(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range again.Tables["subnets"] {
		if row["private_dns_hostname_type_on_launch"] != cloud.HostnameTypeIPName || row["ipv6_native"] != false || row["enable_dns64"] != false {
			t.Errorf("imported subnet %v, want the migration's defaults", row)
		}
	}
}

// populatedExport is the export of a cloud that populate has filled.
func populatedExport(t *testing.T) *Snapshot {
	t.Helper()
	src := openStore(t)
	populate(t, src)
	snap, err := Export(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}
