package storetest_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestInvariantsFindStrayTags: a tag of an object of every taggable kind is
// sound, and a tag whose object is gone is reported, so that the query
// built from the registry of kinds neither misses a kind nor flags one.
func TestInvariantsFindStrayTags(t *testing.T) {
	ctx := context.Background()
	location := filepath.Join(t.TempDir(), "cloud.db")
	st, err := store.Open(location)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = st.Close() }()
	c := storetest.Client(t, st)
	tags := map[string]string{"Name": "x"}
	vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: cloud.TenancyDefault, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	subnet, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1a", Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	table, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	igw, err := c.CreateInternetGateway(ctx, vpc.ID, tags)
	if err != nil {
		t.Fatal(err)
	}
	eigw, err := c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, tags)
	if err != nil {
		t.Fatal(err)
	}
	eip, err := c.AllocateAddress(ctx, tags)
	if err != nil {
		t.Fatal(err)
	}
	nat, err := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: subnet.ID, ConnectivityType: cloud.ConnectivityPrivate, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	vgw, err := c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{VPCID: vpc.ID, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	cgw, err := c.CreateCustomerGateway(ctx, cloud.CustomerGatewayInput{BGPASN: "65000", Type: cloud.CustomerGatewayType, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{vpc.DefaultSecurityGroupID, vpc.DefaultNetworkACLID} {
		if _, err := c.ChangeTags(ctx, id, tags, nil); err != nil {
			t.Fatal(err)
		}
	}
	dhcp, err := c.CreateDHCPOptions(ctx, cloud.DHCPOptionsInput{DomainName: "corp.example", Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	trust := `{"Statement":[{"Effect":"Allow","Principal":{"Service":"vpc-flow-logs.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	role, err := c.CreateIAMRole(ctx, cloud.IAMRoleInput{Name: "r", Path: "/", AssumeRolePolicy: trust, MaxSessionDuration: 3600, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	policy, err := c.CreateIAMPolicy(ctx, cloud.IAMPolicyInput{Name: "p", Path: "/", Document: trust, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	group, err := c.CreateLogGroup(ctx, cloud.LogGroupInput{Name: "g", LogGroupClass: "STANDARD", Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	flowLog, err := c.CreateFlowLog(ctx, cloud.FlowLogInput{Target: cloud.FlowLogTargets[0], ResourceID: vpc.ID, TrafficType: "ALL",
		LogDestinationType: "cloud-watch-logs", LogDestination: group.ARN, IAMRoleARN: role.ARN, MaxAggregationInterval: 600, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	tagged := []string{vpc.ID, subnet.ID, table.ID, igw.ID, eigw.ID, eip.AllocationID, nat.ID, vpc.DefaultSecurityGroupID, vpc.DefaultNetworkACLID,
		vgw.ID, cgw.ID, role.ARN, policy.ARN, group.ARN, flowLog.ID, dhcp.ID}
	exclusion, err := c.CreateBlockPublicAccessExclusion(ctx, cloud.ExclusionInput{VPCID: vpc.ID, Mode: cloud.ExclusionAllowBidirectional, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	tagged = append(tagged, exclusion.ID)
	endpoint, err := c.CreateVPCEndpoint(ctx, cloud.VPCEndpointInput{VPCID: vpc.ID, ServiceName: cloud.EndpointServiceName(cloud.DefaultRegion, "s3"),
		Type: cloud.EndpointTypeGateway, RouteTableIDs: []string{table.ID}, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	tagged = append(tagged, endpoint.ID)
	ipam, err := c.CreateIPAM(ctx, cloud.IPAMInput{Tier: "free", OperatingRegions: []string{"us-east-1"}, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	pool, err := c.CreateIPAMPool(ctx, cloud.IPAMPoolInput{ScopeID: ipam.PrivateDefaultScopeID, AddressFamily: "ipv4", Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	tagged = append(tagged, ipam.ID, pool.ID)
	list, err := c.CreateManagedPrefixList(ctx, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 1, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	tagged = append(tagged, list.ID)
	keyPair, err := c.ImportKeyPair(ctx, cloud.KeyPairInput{Name: "deployer", Tags: tags,
		PublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGwTrxJRW6lp7CXueaqmMn3IoairrTE0zBTairrCAr+ test@simcloud"})
	if err != nil {
		t.Fatal(err)
	}
	tagged = append(tagged, keyPair.ID)
	peer, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.9.0.0/16", InstanceTenancy: "default"})
	if err != nil {
		t.Fatal(err)
	}
	peering, err := c.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: vpc.ID, PeerVPCID: peer.ID, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	tagged = append(tagged, peering.ID)
	instance, err := c.RunInstance(ctx, cloud.InstanceInput{AMI: "ami-0123456789abcdef0", InstanceType: "t3.micro", SubnetID: subnet.ID, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	eni, err := c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID, Tags: tags})
	if err != nil {
		t.Fatal(err)
	}
	tagged = append(tagged, instance.ID, eni.ID)
	for _, kind := range cloud.NamedKinds() {
		g, err := c.CreateSubnetGroup(ctx, kind, cloud.SubnetGroupInput{Name: "data", SubnetIDs: []string{subnet.ID}, Tags: tags})
		if cloud.ErrorCode(err) == "DBSubnetGroupDoesNotCoverEnoughAZs" {
			second, serr := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.2.0/24", AvailabilityZone: "us-east-1b"})
			if serr != nil {
				t.Fatal(serr)
			}
			g, err = c.CreateSubnetGroup(ctx, kind, cloud.SubnetGroupInput{Name: "data", SubnetIDs: []string{subnet.ID, second.ID}, Tags: tags})
		}
		if err != nil {
			t.Fatal(err)
		}
		tagged = append(tagged, g.ARN)
	}
	if len(tagged) != len(cloud.TaggableTables()) {
		t.Fatalf("the test tags %d kinds, the registry has %d taggable ones", len(tagged), len(cloud.TaggableTables()))
	}
	if broken, err := storetest.Invariants(location); err != nil || len(broken) > 0 {
		t.Fatalf("a sound cloud with a tagged object of every kind: %v %v", broken, err)
	}

	db, err := sql.Open("sqlite", "file:"+location)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	stray := "subnet-0123456789abcdef0"
	if _, err := db.Exec(`INSERT INTO tags (resource_id, key, value) VALUES (?, 'Name', 'left behind')`, stray); err != nil {
		t.Fatal(err)
	}
	broken, err := storetest.Invariants(location)
	if err != nil {
		t.Fatal(err)
	}
	if len(broken) != 1 || !strings.Contains(broken[0], "tags of a missing object: "+stray) {
		t.Errorf("a tag of a missing object: invariants report %v", broken)
	}
}
