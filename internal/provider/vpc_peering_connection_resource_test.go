package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const peeringAddress = "simcloud_vpc_peering_connection.test"

// tfPeering is a connection from simcloud_vpc.a to simcloud_vpc.b.
func tfPeering(arguments ...string) string {
	return tfResource("vpc_peering_connection", "test", append([]string{"vpc_id = " + tfID("vpc", "a"), "peer_vpc_id = " + tfID("vpc", "b")}, arguments...)...)
}

// peeredVPCs are the VPCs a, of 10.0.0.0/16, and b, of 10.1.0.0/16.
var peeredVPCs = tfVPC("a", "10.0.0.0/16") + tfVPC("b", "10.1.0.0/16")

// onlyPeering is the one connection of the test's cloud.
func (c *testCloud) onlyPeering(t *testing.T) cloud.VPCPeeringConnection {
	t.Helper()
	all, err := c.client.VPCPeerings(context.Background(), cloud.VPCPeeringConnectionFilter{})
	if err != nil || len(all) != 1 {
		t.Fatalf("the cloud's peering connections: %v, %v; want one", all, err)
	}
	return all[0]
}

// TestAccVPCPeeringConnection_lifecycle: a connection within one account
// and region, accepted at once, with a route through it; its options
// change in place; it is imported, planned again when deleted behind
// Terraform's back; AWS's rules refuse at plan.
func TestAccVPCPeeringConnection_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	route := tfResource("route", "to_b", "route_table_id = simcloud_vpc.a.main_route_table_id", `destination_cidr_block = "10.1.0.0/16"`,
		"vpc_peering_connection_id = "+tfID("vpc_peering_connection", "test"))
	config := c.config(peeredVPCs + tfPeering("auto_accept = true", `tags = { Name = "a-b" }`) + route)
	withOptions := c.config(peeredVPCs + tfPeering("auto_accept = true", `tags = { Name = "a-b" }`,
		"requester {\n    allow_remote_vpc_dns_resolution = true\n  }") + route)
	unitTest(t,
		createStep(config, peeringAddress, `^pcx-[0-9a-f]{17}$`,
			attrIs(peeringAddress, "accept_status", knownvalue.StringExact("active")),
			attrIs(peeringAddress, "peer_owner_id", knownvalue.StringExact(cloud.DefaultAccountID)),
			attrIs(peeringAddress, "peer_region", knownvalue.StringExact(cloud.DefaultRegion)),
			attrIs("simcloud_route.to_b", "state", knownvalue.StringExact("active")),
			sameValue("simcloud_route.to_b", "vpc_peering_connection_id", peeringAddress, "id"),
		),
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		// The data source finds it by either side.
		resource.TestStep{Config: config + tfData("vpc_peering_connection", "found", "peer_vpc_id = "+tfID("vpc", "b"), `status = "active"`),
			ConfigStateChecks: []statecheck.StateCheck{
				sameValue("data.simcloud_vpc_peering_connection.found", "id", peeringAddress, "id"),
				sameValue("data.simcloud_vpc_peering_connection.found", "vpc_id", "simcloud_vpc.a", "id"),
				attrIs("data.simcloud_vpc_peering_connection.found", "tags", knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact("a-b")})),
			}},
		importStep(peeringAddress, "auto_accept"),
		importStepBy("simcloud_route.to_b", func(s *terraformState) (string, error) {
			return s.RootModule().Resources["simcloud_vpc.a"].Primary.Attributes["main_route_table_id"] + "_10.1.0.0/16", nil
		}),
		withCheck(actionStep(withOptions, peeringAddress, actionUpdate), func(*terraformState) error {
			if p := c.onlyPeering(t); !p.RequesterAllowDNS || p.AccepterAllowDNS {
				t.Errorf("options in the cloud: %+v", p)
			}
			return nil
		}),
		resource.TestStep{Config: withOptions, ConfigPlanChecks: expectEmptyPlan},
		c.deletedStep(t, func() string { return c.onlyPeering(t).ID }, withOptions, peeringAddress),
		importFails(peeringAddress, "vpc-0123456789abcdef0", "InvalidVpcPeeringConnectionID.Malformed"),
	)
}

// TestAccVPCPeeringConnection_refusals: AWS's rules refuse at plan once
// the VPCs exist (their IDs known): overlapping blocks, a VPC with itself,
// two connections of one pair in one plan, auto_accept across accounts,
// options of a connection that waits for acceptance.
func TestAccVPCPeeringConnection_refusals(t *testing.T) {
	c := newTestCloud(t)
	vpcs := tfVPC("a", "10.0.0.0/16") + tfVPC("b", "10.1.0.0/16") + tfVPC("c", "10.0.128.0/20")
	peering := func(name, from, to string, arguments ...string) string {
		return tfResource("vpc_peering_connection", name, append([]string{"vpc_id = " + tfID("vpc", from), "peer_vpc_id = " + tfID("vpc", to)}, arguments...)...)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(vpcs)},
		planFails(c.config(vpcs+peering("test", "a", "c")), "InvalidParameterValue", "overlapping CIDR", "peer_vpc_id"),
		planFails(c.config(vpcs+peering("test", "a", "a")), "InvalidParameterValue", "cannot be peered with itself", "peer_vpc_id"),
		planFails(c.config(vpcs+peering("test", "a", "b")+peering("again", "b", "a")), "VpcPeeringConnectionAlreadyExists"),
		planFails(c.config(vpcs+peering("test", "a", "b", "auto_accept = true", `peer_owner_id = "210987654321"`)), "OperationNotPermitted", "auto_accept"),
		planFails(c.config(vpcs+peering("test", "a", "b", `peer_region = "mars-north-1"`)), "peer_region"),
		planFails(c.config(vpcs+peering("test", "a", "b", "requester {\n    allow_remote_vpc_dns_resolution = true\n  }")),
			"OperationNotPermitted", "only to active peerings"),
		// A VPC of another account that does not exist there.
		planFails(c.config(vpcs+peering("test", "a", "b", `peer_owner_id = "210987654321"`)), "InvalidVpcID.NotFound", "peer_vpc_id"),
	)
}

// TestAccVPCPeeringConnectionAccepter_crossAccount: another account asks
// to peer with this account's VPC; this configuration accepts, with its
// side's options and tags, and sees its own VPC as vpc_id; the connection
// outlives the accepter resource; a request this account made cannot be
// accepted here.
func TestAccVPCPeeringConnectionAccepter_crossAccount(t *testing.T) {
	c := newTestCloud(t)
	ctx := context.Background()
	const other = "210987654321"
	const address = "simcloud_vpc_peering_connection_accepter.test"
	theirs := c.clientFor(t, other)
	ours, err := c.client.CreateVPC(ctx, vpcInputFor("10.0.0.0/16"))
	if err != nil {
		t.Fatal(err)
	}
	theirVPC, err := theirs.CreateVPC(ctx, vpcInputFor("10.1.0.0/16"))
	if err != nil {
		t.Fatal(err)
	}
	request, err := theirs.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: theirVPC.ID, PeerVPCID: ours.ID, PeerOwnerID: cloud.DefaultAccountID})
	if err != nil {
		t.Fatal(err)
	}
	accepter := func(arguments ...string) string {
		return c.config(tfResource("vpc_peering_connection_accepter", "test", append([]string{`vpc_peering_connection_id = "` + request.ID + `"`}, arguments...)...))
	}
	config := accepter("auto_accept = true", `tags = { Side = "accepter" }`, "accepter {\n    allow_remote_vpc_dns_resolution = true\n  }")
	unitTest(t,
		withCheck(createStep(config, address, `^pcx-[0-9a-f]{17}$`,
			attrIs(address, "accept_status", knownvalue.StringExact("active")),
			attrIs(address, "vpc_id", knownvalue.StringExact(ours.ID)),
			attrIs(address, "peer_vpc_id", knownvalue.StringExact(theirVPC.ID)),
			attrIs(address, "peer_owner_id", knownvalue.StringExact(other)),
		), func(*terraformState) error {
			if p, err := theirs.VPCPeering(ctx, request.ID); err != nil || p.Status != cloud.PeeringActive || !p.AccepterAllowDNS {
				t.Errorf("the requester sees %+v, %v", p, err)
			}
			return nil
		}),
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		// An import reads both sides' options; this configuration sets its own.
		importStep(address, "auto_accept", "requester"),
		// The requester's side is the requester's to set.
		planFails(accepter("auto_accept = true", `tags = { Side = "accepter" }`, "accepter {\n    allow_remote_vpc_dns_resolution = true\n  }",
			"requester {\n    allow_remote_vpc_dns_resolution = true\n  }"), "OperationNotPermitted", "requester options"),
		// Destroying the accepter forgets the connection.
		withCheck(resource.TestStep{Config: c.config("")}, func(*terraformState) error {
			if p, err := theirs.VPCPeering(ctx, request.ID); err != nil || p.Status != cloud.PeeringActive {
				t.Errorf("after the accepter's destroy the requester sees %+v, %v", p, err)
			}
			return nil
		}),
	)
	// A request this account makes to theirs is theirs to accept.
	second, err := theirs.CreateVPC(ctx, vpcInputFor("10.2.0.0/16"))
	if err != nil {
		t.Fatal(err)
	}
	mine, err := c.client.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: ours.ID, PeerVPCID: second.ID, PeerOwnerID: other})
	if err != nil {
		t.Fatal(err)
	}
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: testFactories, Steps: []resource.TestStep{
		planFails(c.config(tfResource("vpc_peering_connection_accepter", "test", `vpc_peering_connection_id = "`+mine.ID+`"`, "auto_accept = true")),
			"OperationNotPermitted", "cannot accept peering"),
	}})
}

// TestAccVPCPeeringConnectionOptions: the options of an active connection
// as a resource of their own, changed in place and imported; refused on a
// connection still waiting for acceptance.
func TestAccVPCPeeringConnectionOptions(t *testing.T) {
	c := newTestCloud(t)
	const address = "simcloud_vpc_peering_connection_options.test"
	options := func(peering, accepter, requester string) string {
		return tfResource("vpc_peering_connection_options", "test", "vpc_peering_connection_id = "+tfID("vpc_peering_connection", peering),
			"accepter {\n    allow_remote_vpc_dns_resolution = "+accepter+"\n  }", "requester {\n    allow_remote_vpc_dns_resolution = "+requester+"\n  }")
	}
	base := peeredVPCs + tfPeering("auto_accept = true")
	pending := base + tfVPC("c", "10.2.0.0/16") + tfResource("vpc_peering_connection", "pending", "vpc_id = "+tfID("vpc", "a"), "peer_vpc_id = "+tfID("vpc", "c"))
	unitTest(t,
		withCheck(createStep(c.config(base+options("test", "true", "false")), address, `^pcx-[0-9a-f]{17}$`), func(*terraformState) error {
			if p := c.onlyPeering(t); !p.AccepterAllowDNS || p.RequesterAllowDNS {
				t.Errorf("options in the cloud: %+v", p)
			}
			return nil
		}),
		resource.TestStep{Config: c.config(base + options("test", "true", "false")), ConfigPlanChecks: expectEmptyPlan},
		importStep(address),
		withCheck(actionStep(c.config(base+options("test", "false", "true")), address, actionUpdate), func(*terraformState) error {
			if p := c.onlyPeering(t); p.AccepterAllowDNS || !p.RequesterAllowDNS {
				t.Errorf("options in the cloud: %+v", p)
			}
			return nil
		}),
		// Options of a connection that waits for acceptance.
		resource.TestStep{Config: c.config(pending)},
		planFails(c.config(pending+options("pending", "true", "false")), "OperationNotPermitted", "not active"),
	)
}

// TestAccVPCPeeringConnectionDataSource_example: the data source's example
// finds a connection another configuration made, by its accepter's VPC.
func TestAccVPCPeeringConnectionDataSource_example(t *testing.T) {
	c := newTestCloud(t)
	ctx := context.Background()
	requester, err := c.client.CreateVPC(ctx, vpcInputFor("10.0.0.0/16"))
	if err != nil {
		t.Fatal(err)
	}
	accepter, err := c.client.CreateVPC(ctx, vpcInputFor("10.1.0.0/16"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.client.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: requester.ID, PeerVPCID: accepter.ID, AutoAccept: true})
	if err != nil {
		t.Fatal(err)
	}
	unitTest(t, resource.TestStep{
		Config:          c.config(portExample(t, "../../examples/data-sources/simcloud_vpc_peering_connection/data-source.tf")),
		ConfigVariables: config.Variables{"vpc_id": config.StringVariable(accepter.ID)},
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("peering", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(p.ID), "requester_vpc": knownvalue.StringExact(requester.ID), "owner_id": knownvalue.StringExact(cloud.DefaultAccountID),
		}))},
	})
}

// TestAccVPCPeeringConnection_inlineRoutes: the route blocks of a route
// table and of a VPC's default route table send the peer's block through
// the connection; they read back with no change; the route table data
// source shows them.
func TestAccVPCPeeringConnection_inlineRoutes(t *testing.T) {
	c := newTestCloud(t)
	pcx := tfID("vpc_peering_connection", "test")
	config := c.config(peeredVPCs + tfPeering("auto_accept = true") +
		tfRouteTable("to_b", "a", tfInlineRoute(`cidr_block = "10.1.0.0/16"`, "vpc_peering_connection_id = "+pcx)) +
		tfResource("default_route_table", "b", "default_route_table_id = simcloud_vpc.b.default_route_table_id",
			tfInlineRoute(`cidr_block = "10.0.0.0/16"`, "vpc_peering_connection_id = "+pcx)))
	withData := config + tfData("route_table", "to_b", "route_table_id = "+tfID("route_table", "to_b"))
	unitTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		resource.TestStep{Config: withData, ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.simcloud_route_table.to_b", tfjsonpath.New("routes"), knownvalue.ListPartial(map[int]knownvalue.Check{
				1: knownvalue.ObjectPartial(map[string]knownvalue.Check{"cidr_block": knownvalue.StringExact("10.1.0.0/16"),
					"vpc_peering_connection_id": matching(`^pcx-`), "state": knownvalue.StringExact("active")}),
			})),
		}},
		planFails(c.config(peeredVPCs+tfPeering("auto_accept = true")+
			tfRouteTable("to_b", "a", tfInlineRoute(`cidr_block = "10.1.0.0/16"`, `vpc_peering_connection_id = "pcx-0123456789abcdef0"`))),
			"InvalidVpcPeeringConnectionID.NotFound"),
	)
}

// TestAccVPCPeeringConnections_listing: the listing finds the connections
// by AWS's filters and tags, none matching being an empty list.
func TestAccVPCPeeringConnections_listing(t *testing.T) {
	c := newTestCloud(t)
	base := peeredVPCs + tfVPC("c", "10.2.0.0/16") + tfPeering("auto_accept = true", `tags = { Name = "a-b" }`) +
		tfResource("vpc_peering_connection", "pending", "vpc_id = "+tfID("vpc", "a"), "peer_vpc_id = "+tfID("vpc", "c"))
	listing := func(name string, arguments ...string) string {
		return tfData("vpc_peering_connections", name, arguments...)
	}
	config := c.config(base + listing("active", "filter {\n    name = \"status-code\"\n    values = [\"active\"]\n  }") +
		listing("of_a", "filter {\n    name = \"requester-vpc-info.vpc-id\"\n    values = ["+tfID("vpc", "a")+"]\n  }") +
		listing("tagged", `tags = { Name = "a-b" }`) + listing("none", `tags = { Name = "nothing" }`))
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		resource.TestStep{Config: config, ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.simcloud_vpc_peering_connections.active", tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownValue("data.simcloud_vpc_peering_connections.of_a", tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
			statecheck.ExpectKnownValue("data.simcloud_vpc_peering_connections.tagged", tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownValue("data.simcloud_vpc_peering_connections.none", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
		}},
		planFails(c.config(base+listing("bad", "filter {\n    name = \"expiration-time\"\n    values = [\"x\"]\n  }")), "InvalidParameterValue", "expiration-time"),
		resource.TestStep{Config: c.config(base)},
	)
}

// TestAccVPCPeeringConnection_crossRegion: a request to a VPC of another
// region waits for acceptance there (auto_accept would be refused); an
// accepter resource of that region (its region argument) accepts it, in
// the same configuration.
func TestAccVPCPeeringConnection_crossRegion(t *testing.T) {
	c := newTestCloud(t)
	const west = "us-west-2"
	vpcs := tfVPC("a", "10.0.0.0/16") + tfVPC("b", "10.1.0.0/16", `region = "`+west+`"`)
	request := tfPeering(`peer_region = "` + west + `"`)
	accept := tfResource("vpc_peering_connection_accepter", "west", `region = "`+west+`"`,
		"vpc_peering_connection_id = "+tfID("vpc_peering_connection", "test"), "auto_accept = true")
	unitTest(t,
		planFails(c.config(vpcs+tfPeering(`peer_region = "`+west+`"`, "auto_accept = true")), "OperationNotPermitted", "auto_accept"),
		createStep(c.config(vpcs+request), peeringAddress, `^pcx-[0-9a-f]{17}$`,
			attrIs(peeringAddress, "accept_status", knownvalue.StringExact("pending-acceptance")),
			attrIs(peeringAddress, "peer_region", knownvalue.StringExact(west))),
		createStep(c.config(vpcs+request+accept), "simcloud_vpc_peering_connection_accepter.west", `^pcx-[0-9a-f]{17}$`,
			attrIs("simcloud_vpc_peering_connection_accepter.west", "accept_status", knownvalue.StringExact("active"))),
		resource.TestStep{Config: c.config(vpcs + request + accept), ConfigPlanChecks: expectEmptyPlan,
			ConfigStateChecks: []statecheck.StateCheck{attrIs(peeringAddress, "accept_status", knownvalue.StringExact("active"))}},
	)
}
