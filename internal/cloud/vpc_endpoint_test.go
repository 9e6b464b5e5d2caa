package cloud_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var s3Service = cloud.EndpointServiceName(cloud.DefaultRegion, "s3")

func gatewayEndpoint(vpcID string, tables ...string) cloud.VPCEndpointInput {
	return cloud.VPCEndpointInput{VPCID: vpcID, ServiceName: s3Service, Type: cloud.EndpointTypeGateway, RouteTableIDs: tables}
}

func interfaceEndpoint(vpcID, service string, subnets ...string) cloud.VPCEndpointInput {
	return cloud.VPCEndpointInput{VPCID: vpcID, ServiceName: cloud.EndpointServiceName(cloud.DefaultRegion, service),
		Type: cloud.EndpointTypeInterface, EndpointOptions: cloud.EndpointOptions{SubnetIDs: subnets}}
}

func zonedSubnet(vpcID, cidr, zone string) cloud.SubnetInput {
	return cloud.SubnetInput{VPCID: vpcID, CIDRBlock: cidr, AvailabilityZone: zone}
}

// endpointRoute returns the table's route to the prefix list, if any.
func endpointRoute(t *testing.T, c *cloud.Client, tableID, prefixList string) (cloud.Route, bool) {
	t.Helper()
	table := must(c.RouteTable(context.Background(), tableID))(t)
	i := slices.IndexFunc(table.Routes, func(r cloud.Route) bool { return r.Destination == prefixList })
	if i < 0 {
		return cloud.Route{}, false
	}
	return table.Routes[i], true
}

func TestGatewayEndpointRoutesFollowItsTables(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	a := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	b := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	e := must(c.CreateVPCEndpoint(ctx, gatewayEndpoint(vpc.ID, a.ID)))(t)
	pl, _ := cloud.EndpointPrefixList(cloud.DefaultRegion, s3Service)
	if pl.ID != "pl-63a5400a" || e.State != "available" || e.Policy != cloud.DefaultEndpointPolicy || !slices.Equal(e.RouteTableIDs, []string{a.ID}) {
		t.Fatalf("endpoint %+v, prefix list %+v", e, pl)
	}
	if r, ok := endpointRoute(t, c, a.ID, pl.ID); !ok || r.Target != e.ID || r.State != cloud.RouteStateActive || !cloud.IsEndpointRoute(r) {
		t.Fatalf("route in %s: %+v %v", a.ID, r, ok)
	}
	// Modified in place: the route moves to the other table.
	e = must(c.ModifyVPCEndpoint(ctx, e.ID, gatewayEndpoint(vpc.ID, b.ID)))(t)
	if _, ok := endpointRoute(t, c, a.ID, pl.ID); ok {
		t.Error("the route stays in the table left out")
	}
	if _, ok := endpointRoute(t, c, b.ID, pl.ID); !ok || !slices.Equal(e.RouteTableIDs, []string{b.ID}) {
		t.Errorf("no route in the table added: %+v", e)
	}
	// The table's inline routes leave the endpoint's alone.
	must(c.UpdateRouteTable(ctx, b.ID, cloud.RouteTableInput{ManageRoutes: true}))(t)
	if _, ok := endpointRoute(t, c, b.ID, pl.ID); !ok {
		t.Error("managing the table's routes inline removed the endpoint's route")
	}
	// A second endpoint for the service cannot route through the table.
	if _, err := c.CreateVPCEndpoint(ctx, gatewayEndpoint(vpc.ID, b.ID)); cloud.ErrorCode(err) != "RouteAlreadyExists" {
		t.Errorf("second endpoint in one table: %v", err)
	}
	// The VPC cannot go while the endpoint is there.
	if err := c.DeleteVPC(ctx, vpc.ID); cloud.ErrorCode(err) != "DependencyViolation" {
		t.Errorf("VPC deleted with its endpoint: %v", err)
	}
	noErr(t, c.DeleteObject(ctx, e.ID))
	if _, ok := endpointRoute(t, c, b.ID, pl.ID); ok {
		t.Error("the route outlives its endpoint")
	}
	if _, err := c.ModifyVPCEndpoint(ctx, e.ID, gatewayEndpoint(vpc.ID)); cloud.ErrorCode(err) != "InvalidVpcEndpointId.NotFound" {
		t.Errorf("modify a deleted endpoint: %v", err)
	}
}

func TestDeletingARouteTableDropsItFromItsEndpoint(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	a := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	e := must(c.CreateVPCEndpoint(ctx, gatewayEndpoint(vpc.ID, a.ID)))(t)
	noErr(t, c.DeleteRouteTable(ctx, a.ID))
	if e = must(cloud.Describe[cloud.VPCEndpoint](c, ctx, e.ID))(t); len(e.RouteTableIDs) != 0 {
		t.Errorf("route tables %v after the table's deletion", e.RouteTableIDs)
	}
}

func TestInterfaceEndpoint(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	in := vpcInput("10.0.0.0/16")
	in.EnableDNSHostnames = true
	vpc := mustCreateVPC(t, c, in)
	a := mustCreateSubnet(t, c, zonedSubnet(vpc.ID, "10.0.1.0/24", "us-east-1a"))
	b := mustCreateSubnet(t, c, zonedSubnet(vpc.ID, "10.0.2.0/24", "us-east-1b"))
	ep := interfaceEndpoint(vpc.ID, "ecs", a.ID, b.ID)
	ep.PrivateDNSEnabled = true
	ep.SubnetConfigurations = []cloud.EndpointSubnetConfiguration{{SubnetID: a.ID, IPv4: "10.0.1.10"}}
	e := must(c.CreateVPCEndpoint(ctx, ep))(t)
	if !slices.Equal(e.SecurityGroupIDs, []string{vpc.DefaultSecurityGroupID}) || len(e.RouteTableIDs) != 0 {
		t.Errorf("security groups %v (want the default group), route tables %v", e.SecurityGroupIDs, e.RouteTableIDs)
	}
	entries := e.DNSEntries()
	if len(entries) != 4 || !strings.HasPrefix(entries[0].DNSName, e.ID+"-") || !strings.HasSuffix(entries[0].DNSName, ".ecs.us-east-1.vpce.amazonaws.com") ||
		entries[3].DNSName != "ecs.us-east-1.amazonaws.com" {
		t.Errorf("DNS entries %+v", entries)
	}
	if got := e.Configurations(); len(got) != 1 || got[0] != (cloud.EndpointSubnetConfiguration{SubnetID: a.ID, IPv4: "10.0.1.10"}) {
		t.Errorf("subnet configurations %+v", got)
	}
	// A subnet of the endpoint is not deleted while it is there.
	if err := c.DeleteSubnet(ctx, a.ID); cloud.ErrorCode(err) != "DependencyViolation" {
		t.Errorf("subnet of an endpoint deleted: %v", err)
	}
	// Subnets change in place.
	ep.SubnetIDs, ep.SubnetConfigurations = []string{b.ID}, nil
	if e = must(c.ModifyVPCEndpoint(ctx, e.ID, ep))(t); !slices.Equal(e.SubnetIDs, []string{b.ID}) || !slices.Equal(e.Zones, []string{"us-east-1b"}) {
		t.Errorf("after the change: subnets %v, zones %v", e.SubnetIDs, e.Zones)
	}
	noErr(t, c.DeleteSubnet(ctx, a.ID))
}

func TestEndpointServicesAndPrefixLists(t *testing.T) {
	c := freshClient(t)
	s3 := must(c.FindEndpointServices(cloud.EndpointServiceFilter{ServiceNames: []string{s3Service}}))(t)
	if len(s3) != 2 || s3[0].ServiceType == s3[1].ServiceType {
		t.Fatalf("s3 services %+v, want a Gateway and an Interface one", s3)
	}
	interfaces := must(c.FindEndpointServices(cloud.EndpointServiceFilter{ServiceNames: []string{s3Service},
		Filters: []cloud.NamedFilter{{Name: "service-type", Values: []string{"Interface"}}}}))(t)
	if len(interfaces) != 1 || interfaces[0].PrivateDNSName != "*.s3.us-east-1.amazonaws.com" || interfaces[0].Owner != "amazon" ||
		len(interfaces[0].AvailabilityZones) != 6 {
		t.Errorf("s3 Interface service %+v", interfaces)
	}
	if _, err := c.FindEndpointServices(cloud.EndpointServiceFilter{ServiceNames: []string{"com.amazonaws.us-east-1.nope"}}); cloud.ErrorCode(err) != "InvalidServiceName" {
		t.Errorf("unknown service: %v", err)
	}
	lists := must(c.FindPrefixLists(cloud.PrefixListFilter{Name: "com.amazonaws.us-east-1.dynamodb"}))(t)
	if len(lists) != 1 || lists[0].ID != "pl-02cd2c6b" || len(lists[0].CIDRBlocks) == 0 {
		t.Errorf("dynamodb prefix list %+v", lists)
	}
	other := cloud.PrefixLists("eu-west-1")
	if len(other) != 2 || !cloud.IsPrefixListID(other[0].ID) || other[0].ID == "pl-63a5400a" {
		t.Errorf("eu-west-1 prefix lists %+v", other)
	}
}

// endpointRefusals are the error catalog's scenarios for VPC endpoints,
// prefix lists and endpoint services.
func endpointRefusals() []refusal {
	return []refusal{
		{name: "unknown service", code: "InvalidServiceName", field: "service_name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := gatewayEndpoint(n.vpc.ID)
				in.ServiceName = "com.amazonaws.us-east-1.nope"
				return []string{in.ServiceName}, errOf(c.CreateVPCEndpoint(bg, in))
			}},
		{name: "service without that endpoint type", code: "InvalidParameter", field: "vpc_endpoint_type",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := gatewayEndpoint(n.vpc.ID)
				in.ServiceName = cloud.EndpointServiceName(cloud.DefaultRegion, "ecs")
				return []string{in.ServiceName}, errOf(c.CreateVPCEndpoint(bg, in))
			}},
		{name: "Gateway endpoint with subnets, at plan", code: "InvalidParameter", field: "subnet_ids", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := gatewayEndpoint(n.vpc.ID)
				in.SubnetIDs = []string{n.subnet.ID}
				p := cloud.NewPlan()
				return nil, c.CheckVPCEndpoint(bg, p, p.NewHolder(), "", in)
			}},
		{name: "two subnets of one zone", code: "DuplicateSubnetsInSameZone", field: "subnet_ids",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				second := mustCreateSubnet(t, c, zonedSubnet(n.vpc.ID, "10.0.2.0/24", n.subnet.AvailabilityZone))
				return []string{n.subnet.ID, second.ID}, errOf(c.CreateVPCEndpoint(bg, interfaceEndpoint(n.vpc.ID, "ecs", n.subnet.ID, second.ID)))
			}},
		{name: "route table of another VPC", code: "InvalidParameter", field: "route_table_ids",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.table.ID, n.otherVPC.ID}, errOf(c.CreateVPCEndpoint(bg, gatewayEndpoint(n.otherVPC.ID, n.table.ID)))
			}},
		{name: "unknown route table", code: "InvalidRouteTableId.NotFound", field: "route_table_ids",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{unknownRtb}, errOf(c.CreateVPCEndpoint(bg, gatewayEndpoint(n.vpc.ID, unknownRtb)))
			}},
		{name: "subnet configuration outside its subnet", code: "InvalidParameterValue", field: "subnet_configuration",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := interfaceEndpoint(n.vpc.ID, "sts", n.subnet.ID)
				in.SubnetConfigurations = []cloud.EndpointSubnetConfiguration{{SubnetID: n.subnet.ID, IPv4: "10.0.9.10"}}
				return []string{n.subnet.ID}, errOf(c.CreateVPCEndpoint(bg, in))
			}},
		{name: "private DNS without DNS hostnames", code: "InvalidParameter", field: "private_dns_enabled",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := interfaceEndpoint(n.vpc.ID, "ecs", n.subnet.ID)
				in.PrivateDNSEnabled = true
				return []string{n.vpc.ID}, errOf(c.CreateVPCEndpoint(bg, in))
			}},
		lookup("VPC endpoint", "InvalidVpcEndpointId.NotFound", "vpce-0123456789abcdef0", func(c *cloud.Client, id string) error {
			return errOf(cloud.Describe[cloud.VPCEndpoint](c, bg, id))
		}),
		lookup("VPC endpoint", "InvalidVpcEndpointId.Malformed", "vpce-XYZ", func(c *cloud.Client, id string) error {
			return errOf(cloud.Describe[cloud.VPCEndpoint](c, bg, id))
		}),
		{name: "malformed prefix list ID", code: "InvalidPrefixListID.Malformed", field: "prefix_list_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{"pl-xyz"}, errOf(c.FindPrefixLists(cloud.PrefixListFilter{ID: "pl-xyz"}))
			}},
		{name: "unknown prefix list", code: "InvalidPrefixListID.NotFound", field: "prefix_list_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{"pl-00000000"}, errOf(c.FindPrefixLists(cloud.PrefixListFilter{ID: "pl-00000000"}))
			}},
	}
}
