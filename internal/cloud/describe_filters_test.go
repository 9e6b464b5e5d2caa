package cloud_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// Filters keep what AWS keeps: any value of a filter, every filter, with *
// and ? as wildcards that also cross the slash of a block.
func TestFilteredVPCs(t *testing.T) {
	vpcs := []cloud.VPC{
		{ID: "vpc-a", CIDRBlock: "10.0.0.0/16", Tags: map[string]string{"Name": "prod-app", "Tier": "app"}},
		{ID: "vpc-b", CIDRBlock: "10.1.0.0/16", IPv6CIDRBlock: "2600:1f18::/56", Tags: map[string]string{"Name": "prod-db"}},
		{ID: "vpc-c", CIDRBlock: "172.16.0.0/16", DHCPOptionsID: "dopt-c"},
	}
	for _, tc := range []struct {
		name    string
		filters []cloud.NamedFilter
		want    string
	}{
		{"no filter keeps all", nil, "vpc-a vpc-b vpc-c"},
		{"values are OR-ed", []cloud.NamedFilter{{Name: "vpc-id", Values: []string{"vpc-a", "vpc-c"}}}, "vpc-a vpc-c"},
		{"filters are AND-ed", []cloud.NamedFilter{{Name: "tag:Name", Values: []string{"prod-*"}}, {Name: "cidr", Values: []string{"10.1.0.0/16"}}}, "vpc-b"},
		{"star crosses the slash", []cloud.NamedFilter{{Name: "cidr-block-association.cidr-block", Values: []string{"10.*"}}}, "vpc-a vpc-b"},
		{"question mark is one character", []cloud.NamedFilter{{Name: "tag:Name", Values: []string{"prod-?"}}}, ""},
		{"question mark matches", []cloud.NamedFilter{{Name: "tag:Name", Values: []string{"prod-?pp"}}}, "vpc-a"},
		{"tag-key", []cloud.NamedFilter{{Name: "tag-key", Values: []string{"Tier"}}}, "vpc-a"},
		{"a VPC without the tag never matches", []cloud.NamedFilter{{Name: "tag:Name", Values: []string{"*"}}}, "vpc-a vpc-b"},
		{"is-default", []cloud.NamedFilter{{Name: "is-default", Values: []string{"true"}}}, ""},
		{"state", []cloud.NamedFilter{{Name: "state", Values: []string{"available"}}}, "vpc-a vpc-b vpc-c"},
		{"IPv6 block", []cloud.NamedFilter{{Name: "ipv6-cidr-block-association.ipv6-cidr-block", Values: []string{"2600:*"}}}, "vpc-b"},
		{"a VPC with no DHCP options set has the default one", []cloud.NamedFilter{{Name: "dhcp-options-id", Values: []string{"default"}}}, "vpc-a vpc-b"},
		{"no value matches", []cloud.NamedFilter{{Name: "vpc-id", Values: nil}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cloud.Filtered(vpcs, tc.filters)
			if err != nil {
				t.Fatal(err)
			}
			if ids := strings.Join(vpcIDs(got), " "); ids != tc.want {
				t.Fatalf("kept %q, want %q", ids, tc.want)
			}
		})
	}
}

func TestUnknownFilterName(t *testing.T) {
	_, err := cloud.Filtered([]cloud.Subnet{{ID: "subnet-a"}}, []cloud.NamedFilter{{Name: "vpc-id", Values: []string{"x"}}, {Name: "cidr-blok", Values: []string{"x"}}})
	wantCode(t, err, "InvalidParameterValue")
	if !strings.Contains(err.Error(), "The filter 'cidr-blok' is invalid") {
		t.Fatalf("error %v does not name the filter", err)
	}
	for _, name := range []string{"tag:", "tag-value", "ipv6-cidr-block-association.ipv6-pool"} {
		if cloud.CheckFilterName[cloud.VPC](name) == nil {
			t.Errorf("filter %q accepted", name)
		}
	}
	if err := cloud.CheckFilterName[cloud.Subnet]("default-for-az"); err != nil {
		t.Errorf("default-for-az refused: %v", err)
	}
	// DescribeEgressOnlyInternetGateways filters on tags and nothing else.
	var refusal *cloud.Error
	if err := cloud.CheckFilterName[cloud.EgressOnlyInternetGateway]("vpc-id"); !errors.As(err, &refusal) || !strings.HasSuffix(refusal.Fix, ": tag-key, tag:<key>.") {
		t.Errorf("vpc-id of an egress-only gateway: %v", err)
	}
}

// filterCase is one filter and the ID of the one object it keeps.
type filterCase struct{ name, value, want string }

func expectKept[T cloud.Filterable[T]](t *testing.T, objects []T, id func(T) string, cases ...filterCase) {
	t.Helper()
	for _, tc := range cases {
		got, err := cloud.Filtered(objects, []cloud.NamedFilter{{Name: tc.name, Values: []string{tc.value}}})
		if err != nil || len(got) != 1 || id(got[0]) != tc.want {
			t.Errorf("%s = %s kept %v (%v), want %s", tc.name, tc.value, got, err, tc.want)
		}
	}
}

// The gateways and addresses answer the filters of their Describe calls,
// those that depend on an attachment or association only while there is one.
func TestFilteredGatewaysAndAddresses(t *testing.T) {
	gateways := []cloud.InternetGateway{{ID: "igw-a", VPCID: "vpc-a"}, {ID: "igw-loose", Tags: map[string]string{"Name": "loose"}}}
	expectKept(t, gateways, func(g cloud.InternetGateway) string { return g.ID },
		filterCase{"attachment.vpc-id", "vpc-a", "igw-a"}, filterCase{"attachment.state", "available", "igw-a"},
		filterCase{"attachment.vpc-id", "*", "igw-a"}, filterCase{"tag:Name", "loose", "igw-loose"})
	nats := []cloud.NATGateway{{ID: "nat-a", SubnetID: "subnet-a", VPCID: "vpc-a"}, {ID: "nat-b", SubnetID: "subnet-b", VPCID: "vpc-a"}}
	got, err := cloud.Filtered(nats, []cloud.NamedFilter{{Name: "vpc-id", Values: []string{"vpc-a"}}, {Name: "subnet-id", Values: []string{"subnet-b"}},
		{Name: "state", Values: []string{"available"}}})
	if err != nil || len(got) != 1 || got[0].ID != "nat-b" {
		t.Errorf("NAT gateways kept %v (%v), want nat-b", got, err)
	}
	addresses := []cloud.ElasticIP{
		{AllocationID: "eipalloc-nat", PublicIP: "192.0.2.1", NATGatewayID: "nat-a", AssociationID: "eipassoc-n"},
		{AllocationID: "eipalloc-eni", PublicIP: "192.0.2.2", AssociationID: "eipassoc-i", InterfaceAssociationID: "eipassoc-i",
			NetworkInterfaceID: "eni-a", PrivateIPAddress: "10.0.1.5", InstanceID: "i-a", OwnerID: "123456789012"},
		{AllocationID: "eipalloc-free", PublicIP: "192.0.2.3"},
	}
	expectKept(t, addresses, func(e cloud.ElasticIP) string { return e.AllocationID },
		filterCase{"association-id", "eipassoc-n", "eipalloc-nat"}, filterCase{"association-id", "eipassoc-i", "eipalloc-eni"},
		filterCase{"network-interface-owner-id", "123456789012", "eipalloc-eni"}, filterCase{"private-ip-address", "10.0.1.*", "eipalloc-eni"},
		filterCase{"instance-id", "i-a", "eipalloc-eni"}, filterCase{"public-ip", "192.0.2.3", "eipalloc-free"})
}

// Route tables are filtered on their routes and associations, the main
// association included.
func TestFilteredRouteTables(t *testing.T) {
	tables := []cloud.RouteTable{
		{ID: "rtb-main", Main: true, Associations: []cloud.Association{{ID: "rtbassoc-m", Main: true}},
			Routes: []cloud.Route{{Destination: "10.0.0.0/16", Target: cloud.TargetLocal, State: "active"}}},
		{ID: "rtb-public", Associations: []cloud.Association{{ID: "rtbassoc-p", SubnetID: "subnet-p"}},
			Routes: []cloud.Route{{Destination: "0.0.0.0/0", Target: "igw-1", State: "blackhole"}, {Destination: "::/0", Target: "eigw-1", State: "active"}}},
	}
	for _, tc := range []struct{ name, value, want string }{
		{"association.main", "true", "rtb-main"},
		{"association.subnet-id", "subnet-p", "rtb-public"},
		{"route.gateway-id", "igw-1", "rtb-public"},
		{"route.gateway-id", "local", "rtb-main"},
		{"route.egress-only-internet-gateway-id", "eigw-*", "rtb-public"},
		{"route.destination-ipv6-cidr-block", "0.0.0.0/0", ""},
		{"route.state", "blackhole", "rtb-public"},
	} {
		got, err := cloud.Filtered(tables, []cloud.NamedFilter{{Name: tc.name, Values: []string{tc.value}}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, t := range got {
			ids = append(ids, t.ID)
		}
		if strings.Join(ids, " ") != tc.want {
			t.Errorf("%s = %s kept %v, want %q", tc.name, tc.value, ids, tc.want)
		}
	}
}
