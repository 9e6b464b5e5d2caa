package cloud_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestObjectKindsAnswerForTheirIDs: every kind a user can name by ID is
// found, refused with its own malformed and not-found errors, and deleted
// through CheckObject and DeleteObject, so that a kind registered without
// working lookups or deletion fails here.
func TestObjectKindsAnswerForTheirIDs(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)

	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	association := must(c.Associate(ctx, subnet.ID, table.ID))(t)
	igw := mustCreateIGW(t, c, vpc.ID)
	eigw := must(c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil))(t)
	eip := must(c.AllocateAddress(ctx, nil))(t)
	nat := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: subnet.ID, ConnectivityType: cloud.ConnectivityPrivate}))(t)
	vgw := must(c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{}))(t)
	cgw := must(c.CreateCustomerGateway(ctx, cloud.CustomerGatewayInput{BGPASN: "65000", IPAddress: "203.0.113.12", Type: "ipsec.1"}))(t)
	exclusion := must(c.CreateBlockPublicAccessExclusion(ctx, cloud.ExclusionInput{SubnetID: subnet.ID, Mode: cloud.ExclusionAllowEgress}))(t)
	flowLog := must(c.CreateFlowLog(ctx, s3FlowLog(vpc.ID)))(t)
	dhcp := must(c.CreateDHCPOptions(ctx, cloud.DHCPOptionsInput{DomainName: "example.internal"}))(t)
	if err := c.AssociateDHCPOptions(ctx, dhcp.ID, vpc.ID); err != nil {
		t.Fatal(err)
	}
	secondary := must(c.AssociateVPCCIDRBlock(ctx, vpc.ID, "10.1.0.0/16"))(t)
	endpoint := must(c.CreateVPCEndpoint(ctx, gatewayEndpoint(vpc.ID, table.ID)))(t)
	ipam, pool := ipamPool(t, c, cloud.IPAMPoolSettings{}, "172.16.0.0/12")
	pooled := must(c.CreateVPC(ctx, poolVPC(pool.ID, 16)))(t)
	poolCIDRs := must(cloud.Find[cloud.IPAMPoolCIDR](c, ctx, cloud.IPAMPoolCIDRFilter{PoolID: pool.ID}))(t)
	allocations := must(cloud.Find[cloud.IPAMPoolAllocation](c, ctx, cloud.IPAMPoolAllocationFilter{PoolID: pool.ID}))(t)
	prefixList := must(c.CreateManagedPrefixList(ctx, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 1}))(t)
	keyPair := must(c.ImportKeyPair(ctx, cloud.KeyPairInput{Name: "deployer", PublicKey: testED25519PublicKey}))(t)
	peering := must(c.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: vpc.ID, PeerVPCID: pooled.ID}))(t)
	instance := must(c.RunInstance(ctx, instanceInput(subnet.ID)))(t)
	eni := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID, SourceDestCheck: true}))(t)
	instanceEIP := must(c.AllocateAddress(ctx, nil))(t)
	eipAssociation := must(c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: instanceEIP.AllocationID, InstanceID: instance.ID}))(t)
	// The index describes every object, with its parent and references.
	checkIndex(t, c, map[string]string{subnet.ID: vpc.ID, association.ID: table.ID, nat.ID: vpc.ID, flowLog.ID: vpc.ID, eigw.ID: vpc.ID, eip.AllocationID: "",
		vpc.DefaultSecurityGroupID: vpc.ID, vpc.DefaultNetworkACLID: vpc.ID, vgw.ID: "", cgw.ID: "", dhcp.ID: "", secondary.ID: vpc.ID, endpoint.ID: vpc.ID,
		ipam.ID: "", ipam.PrivateDefaultScopeID: ipam.ID, pool.ID: ipam.PrivateDefaultScopeID, poolCIDRs[0].ID: pool.ID, allocations[0].ID: pool.ID, prefixList.ID: "",
		instance.ID: vpc.ID, eni.ID: vpc.ID, eipAssociation.ID: instanceEIP.AllocationID, peering.ID: vpc.ID, keyPair.ID: ""},
		map[string]string{peering.ID: pooled.ID, instance.ID: subnet.ID, eni.ID: subnet.ID, eipAssociation.ID: instance.PrimaryNetworkInterfaceID, nat.ID: subnet.ID, association.ID: subnet.ID, exclusion.ID: subnet.ID, vpc.ID: dhcp.ID, allocations[0].ID: pooled.ID})
	// One object of every kind, in an order in which each can be deleted.
	objects := []string{peering.ID, eipAssociation.ID, instanceEIP.AllocationID, instance.ID, eni.ID, endpoint.ID, flowLog.ID, nat.ID, association.ID, exclusion.ID, subnet.ID, table.ID, eip.AllocationID, eigw.ID, vgw.ID, cgw.ID, secondary.ID,
		pooled.ID, poolCIDRs[0].ID, pool.ID, ipam.ID, prefixList.ID, keyPair.ID}
	seen := map[string]bool{}
	// The VPC's default security group and network ACL go with it, and
	// an IPAM's scopes and a pool's allocations with what holds them.
	withVPC := []string{vpc.DefaultSecurityGroupID, vpc.DefaultNetworkACLID, ipam.PublicDefaultScopeID, allocations[0].ID}
	for _, id := range slices.Concat(objects, withVPC, []string{igw.ID, vpc.ID, dhcp.ID}) {
		seen[cloud.IDPrefix(id)] = true
	}
	for _, prefix := range cloud.ObjectPrefixes() {
		if !seen[prefix] {
			t.Errorf("the test makes no object of the registered kind %s-", prefix)
		}
		malformed, unknown := prefix+"-XYZ", prefix+"-0123456789abcdef0"
		for _, err := range []error{c.CheckObject(ctx, malformed), c.DeleteObject(ctx, malformed)} {
			if code := cloud.ErrorCode(err); !strings.HasSuffix(code, ".Malformed") {
				t.Errorf("%s: error %q (%v), want a .Malformed code", malformed, code, err)
			}
		}
		for _, err := range []error{c.CheckObject(ctx, unknown), c.DeleteObject(ctx, unknown)} {
			if !cloud.IsNotFound(err) {
				t.Errorf("%s: %v, want not found", unknown, err)
			}
		}
	}
	if len(seen) != len(cloud.ObjectPrefixes()) {
		t.Errorf("the test makes objects of %d kinds, the registry has %d: %v", len(seen), len(cloud.ObjectPrefixes()), cloud.ObjectPrefixes())
	}

	// The gateway goes after its detachment, which is not an object of its
	// own; the VPC last.
	if err := c.DetachInternetGateway(ctx, igw.ID, vpc.ID); err != nil {
		t.Fatal(err)
	}
	for _, id := range withVPC {
		if err := c.CheckObject(ctx, id); err != nil {
			t.Errorf("CheckObject(%s): %v", id, err)
		}
		if err := c.DeleteObject(ctx, id); err == nil {
			t.Errorf("DeleteObject(%s) deleted a VPC's default", id)
		}
	}
	for _, id := range append(objects, igw.ID, vpc.ID, dhcp.ID) {
		if err := c.CheckObject(ctx, id); err != nil {
			t.Errorf("CheckObject(%s) before deletion: %v", id, err)
		}
		if err := c.DeleteObject(ctx, id); err != nil {
			t.Errorf("DeleteObject(%s): %v", id, err)
			continue
		}
		if err := c.CheckObject(ctx, id); id != nat.ID && !cloud.IsNotFound(err) {
			// A deleted NAT gateway stays visible, as in AWS, in state deleted.
			t.Errorf("CheckObject(%s) after deletion: %v, want not found", id, err)
		}
	}
	for _, id := range withVPC {
		if err := c.CheckObject(ctx, id); !cloud.IsNotFound(err) {
			t.Errorf("CheckObject(%s) after its VPC's deletion: %v, want not found", id, err)
		}
	}

	// A string of no kind gets InvalidID, naming every kind with its
	// prefix.
	for _, err := range []error{c.CheckObject(ctx, "bogus"), c.DeleteObject(ctx, "r-0123")} {
		wantCode(t, err, "InvalidID")
		var ce *cloud.Error
		if !errors.As(err, &ce) {
			t.Fatalf("%v is no cloud error", err)
		}
		for _, prefix := range cloud.ObjectPrefixes() {
			if !strings.Contains(ce.Fix, "("+prefix+"-)") {
				t.Errorf("the InvalidID error does not name %s-: %v", prefix, err)
			}
		}
	}
}

// checkIndex checks that the inventory's index holds an object of every
// registered kind, typed, each of parents with the given parent, and each
// holder of refersTo with a reference to the given object.
func checkIndex(t *testing.T, c *cloud.Client, parents, refersTo map[string]string) {
	t.Helper()
	inv := must(c.Inventory(context.Background()))(t)
	index := inv.Index()
	kinds := map[string]bool{}
	for _, o := range index.Objects {
		kinds[cloud.IDPrefix(o.ID)] = true
		if o.Type == "" || o.Label == "" {
			t.Errorf("index: %s has type %q and label %q", o.ID, o.Type, o.Label)
		}
	}
	for _, prefix := range cloud.ObjectPrefixes() {
		if !kinds[prefix] {
			t.Errorf("the index describes no object of the registered kind %s-", prefix)
		}
	}
	for id, parent := range parents {
		if o, ok := index.Object(id); !ok || o.Parent != parent {
			t.Errorf("index: %s has parent %q (found: %t), want %q", id, o.Parent, ok, parent)
		}
	}
	for id, named := range refersTo {
		o, _ := index.Object(id)
		if !slices.ContainsFunc(o.References, func(r cloud.Reference) bool { return r.ID == named }) {
			t.Errorf("index: %s references %v, want one to %s", id, o.References, named)
		}
	}
}

// TestDeletionOrderPutsUsersFirst: every kind is in the deletion order once,
// and an object comes before what it needs (a NAT gateway before its subnet
// and elastic IP, everything in a VPC before the VPC).
func TestDeletionOrderPutsUsersFirst(t *testing.T) {
	order := cloud.DeletionOrder()
	if len(order) != len(cloud.RegisteredPrefixes()) {
		t.Fatalf("deletion order %v: %d kinds, want %d", order, len(order), len(cloud.RegisteredPrefixes()))
	}
	position := map[string]int{}
	for i, typ := range order {
		position[typ] = i
	}
	for _, pair := range [][2]string{
		{"nat_gateway", "subnet"}, {"nat_gateway", "eip"}, {"route_table_association", "subnet"}, {"route_table_association", "route_table"},
		{"subnet", "vpc"}, {"route_table", "vpc"}, {"internet_gateway", "vpc"}, {"egress_only_internet_gateway", "vpc"},
		{"db_subnet_group", "subnet"}, {"elasticache_subnet_group", "subnet"}, {"redshift_subnet_group", "subnet"},
		{"vpc_block_public_access_exclusion", "subnet"}, {"vpc_block_public_access_exclusion", "vpc"},
		{"flow_log", "subnet"}, {"flow_log", "iam_role"}, {"iam_role_policy_attachment", "iam_role"}, {"iam_role_policy_attachment", "iam_policy"},
		{"iam_role_policy", "iam_role"}, {"iam_role", "iam_policy"},
		{"vpc", "vpc_dhcp_options"}, {"vpc_ipv4_cidr_block_association", "vpc"},
	} {
		if position[pair[0]] >= position[pair[1]] {
			t.Errorf("deletion order %v puts %s after %s", order, pair[0], pair[1])
		}
	}
}
