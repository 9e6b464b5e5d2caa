package cloud_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// unknownCase is a plan-time check with some of its inputs known only after
// apply. want is the code the known inputs already decide, "" when they
// decide nothing and the check must pass.
type unknownCase struct {
	name  string
	want  string
	check func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error
}

// TestUnknownValuesSwitchOffOnlyWhatNeedsThem runs each rule with unknown
// inputs: where the known inputs decide, the check refuses at plan; where
// they do not, it passes and leaves the decision to apply.
func TestUnknownValuesSwitchOffOnlyWhatNeedsThem(t *testing.T) {
	unknownIGW := cloud.UnknownID(cloud.KindInternetGateway)
	unknownVPC := cloud.UnknownID(cloud.KindVPC)
	unknownTable := cloud.UnknownID(cloud.KindRouteTable)
	unknownSubnet := cloud.UnknownID(cloud.KindSubnet)
	attach := func(igwID, vpcID string) func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
		return func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(bg, p, p.NewHolder(), cloud.InternetGatewayAttachment{InternetGatewayID: igwID, VPCID: vpcID}, cloud.InternetGatewayAttachment{})
		}
	}
	cases := []unknownCase{
		{name: "new gateway attached to a VPC that has one", want: "InvalidParameterValue",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return attach(unknownIGW, n.vpc.ID)(t, c, n, p)
			}},
		{name: "new gateway attached to a VPC without one", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return attach(unknownIGW, n.otherVPC.ID)(t, c, n, p)
			}},
		{name: "two new gateways attached to one VPC", want: "InvalidParameterValue",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				noErr(t, attach(unknownIGW, n.otherVPC.ID)(t, c, n, p))
				return attach(unknownIGW, n.otherVPC.ID)(t, c, n, p)
			}},
		{name: "attached gateway attached to a new VPC", want: "Resource.AlreadyAssociated",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return attach(n.igw.ID, unknownVPC)(t, c, n, p)
			}},
		{name: "gateway attached to the VPC it is attached to", want: "Resource.AlreadyAssociated",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return attach(n.igw.ID, n.vpc.ID)(t, c, n, p)
			}},
		{name: "new gateway attached to a new VPC", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return attach(unknownIGW, unknownVPC)(t, c, n, p)
			}},
		{name: "route in a new table to a gateway that does not exist", want: "InvalidGatewayID.NotFound",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckRoute(bg, p, p.NewHolder(), unknownTable, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: "igw-0123456789abcdef0"}, false)
			}},
		{name: "route in a new table to an existing gateway", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckRoute(bg, p, p.NewHolder(), unknownTable, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}, false)
			}},
		{name: "route of unknown destination in a table with inline routes", want: "InvalidParameterCombination",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				inline := must(c.CreateRouteTable(bg, cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true}))(t)
				return c.CheckRoute(bg, p, p.NewHolder(), inline.ID, cloud.RouteSpec{Destination: cloud.Unknown, Target: n.igw.ID}, false)
			}},
		{name: "route of unknown destination to a gateway of another VPC", want: "InvalidParameterValue",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				other := must(c.CreateRouteTable(bg, cloud.RouteTableInput{VPCID: n.otherVPC.ID}))(t)
				return c.CheckRoute(bg, p, p.NewHolder(), other.ID, cloud.RouteSpec{Destination: cloud.Unknown, Target: n.igw.ID}, false)
			}},
		{name: "routes of unknown destinations to one table", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				spec := cloud.RouteSpec{Destination: cloud.Unknown, Target: n.igw.ID}
				noErr(t, c.CheckRoute(bg, p, p.NewHolder(), n.table.ID, spec, false))
				return c.CheckRoute(bg, p, p.NewHolder(), n.table.ID, spec, false)
			}},
		{name: "associated subnet associated with a new table", want: "Resource.AlreadyAssociated",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				must(c.Associate(bg, n.subnet.ID, n.table.ID))(t)
				return c.CheckAssociation(bg, p, p.NewHolder(), n.subnet.ID, unknownTable, "")
			}},
		{name: "subnet associated twice with new tables", want: "Resource.AlreadyAssociated",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				noErr(t, c.CheckAssociation(bg, p, p.NewHolder(), n.subnet.ID, unknownTable, ""))
				return c.CheckAssociation(bg, p, p.NewHolder(), n.subnet.ID, unknownTable, "")
			}},
		{name: "new subnet associated with a table that does not exist", want: "InvalidRouteTableID.NotFound",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckAssociation(bg, p, p.NewHolder(), unknownSubnet, "rtb-0123456789abcdef0", "")
			}},
		{name: "new subnets associated with one table", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				noErr(t, c.CheckAssociation(bg, p, p.NewHolder(), unknownSubnet, n.table.ID, ""))
				return c.CheckAssociation(bg, p, p.NewHolder(), unknownSubnet, n.table.ID, "")
			}},
		{name: "main table of a VPC that does not exist", want: "InvalidVpcID.NotFound",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckMainRouteTableAssociation(bg, p, p.NewHolder(), "vpc-0123456789abcdef0", unknownTable)
			}},
		{name: "two new main tables for one VPC", want: "Resource.AlreadyAssociated",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				noErr(t, c.CheckMainRouteTableAssociation(bg, p, p.NewHolder(), n.vpc.ID, unknownTable))
				return c.CheckMainRouteTableAssociation(bg, p, p.NewHolder(), n.vpc.ID, unknownTable)
			}},
		{name: "address in use given to a NAT gateway in a new subnet", want: "Resource.AlreadyAssociated",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				eip := mustAllocate(t, c)
				must(c.CreateNATGateway(bg, natInput(n.subnet.ID, eip.AllocationID, cloud.ConnectivityPublic)))(t)
				return c.CheckNATGateway(bg, p, p.NewHolder(), natInput(unknownSubnet, eip.AllocationID, cloud.ConnectivityPublic), "")
			}},
		{name: "private NAT gateway with a new address", want: "InvalidParameterCombination",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckNATGateway(bg, p, p.NewHolder(), natInput(n.subnet.ID, cloud.UnknownID(cloud.KindElasticIP), cloud.ConnectivityPrivate), "")
			}},
		{name: "public NAT gateway with a new address in a VPC without a gateway", want: "Gateway.NotAttached",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				s := mustCreateSubnet(t, c, subnetInput(n.otherVPC.ID, "10.1.1.0/24"))
				return c.CheckNATGateway(bg, p, p.NewHolder(), natInput(s.ID, cloud.UnknownID(cloud.KindElasticIP), cloud.ConnectivityPublic), "")
			}},
		{name: "NAT gateway of unknown type in a new subnet", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckNATGateway(bg, p, p.NewHolder(), natInput(unknownSubnet, "", cloud.Unknown), "")
			}},
		{name: "subnet of unknown block in a VPC that does not exist", want: "InvalidVpcID.NotFound",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckSubnet(bg, p, p.NewHolder(), subnetInput("vpc-0123456789abcdef0", cloud.Unknown), "")
			}},
		{name: "subnet of unknown block with an IPv6 block outside its VPC's", want: "InvalidSubnet.Range",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				in := subnetInput(n.vpc.ID, cloud.Unknown)
				in.IPv6CIDRBlock = "2001:db8:ffff:ff00::/64"
				return c.CheckSubnet(bg, p, p.NewHolder(), in, "")
			}},
		{name: "subnet overlapping another in a new VPC", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				noErr(t, c.CheckSubnet(bg, p, p.NewHolder(), subnetInput(unknownVPC, "10.0.1.0/24"), ""))
				return c.CheckSubnet(bg, p, p.NewHolder(), subnetInput(unknownVPC, "10.0.1.0/24"), "")
			}},
		{name: "subnet in a new VPC in a zone of another region", want: "InvalidParameterValue",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				in := subnetInput(unknownVPC, "10.0.1.0/24")
				in.AvailabilityZone = "eu-west-1a"
				return c.CheckSubnet(bg, p, p.NewHolder(), in, "")
			}},
		{name: "egress-only gateway in a new VPC with too many tags", want: "TagLimitExceeded",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				tags := map[string]string{}
				for i := range 51 {
					tags[fmt.Sprint("k", i)] = ""
				}
				return c.CheckEgressOnlyInternetGateway(bg, p, p.NewHolder(), unknownVPC, tags)
			}},
		{name: "route table in a new VPC routing to a NAT gateway that does not exist", want: "InvalidGatewayID.NotFound",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				in := cloud.RouteTableInput{VPCID: unknownVPC, ManageRoutes: true,
					Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: "nat-0123456789abcdef0"}}}
				return c.CheckRouteTable(bg, p, p.NewHolder(), "", in)
			}},
		{name: "route table in a new VPC routing IPv4 to a new egress-only gateway", want: "InvalidParameterCombination",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				in := cloud.RouteTableInput{VPCID: unknownVPC, ManageRoutes: true,
					Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: cloud.UnknownID(cloud.KindEgressOnlyInternetGateway)}}}
				return c.CheckRouteTable(bg, p, p.NewHolder(), "", in)
			}},
		{name: "VPC of unknown block with an unknown tenancy", want: "",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckVPC(bg, p, p.NewHolder(), cloud.VPCInput{CIDRBlock: cloud.Unknown, InstanceTenancy: cloud.Unknown})
			}},
		{name: "VPC of unknown block with an invalid tenancy", want: "InvalidParameterValue",
			check: func(t *testing.T, c *cloud.Client, n catalogNet, p *cloud.Plan) error {
				return c.CheckVPC(bg, p, p.NewHolder(), cloud.VPCInput{CIDRBlock: cloud.Unknown, InstanceTenancy: "shared"})
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := freshClient(t)
			n := newCatalogNet(t, c)
			err := tc.check(t, c, n, cloud.NewPlan())
			if tc.want == "" {
				if err != nil {
					t.Fatalf("the known values decide nothing, yet the check refused: %v", err)
				}
				return
			}
			wantCode(t, err, tc.want)
			if strings.Contains(err.Error(), cloud.Unknown) {
				t.Errorf("the refusal shows a value not known yet: %v", err)
			}
		})
	}
}

// TestObstacleExplained checks what a refusal caused by an object already
// in the cloud says of where that object may come from: destroyed by the
// same plan, when the plan has said so; else either that, or left behind by
// an interrupted apply, with the command that finds such objects.
func TestObstacleExplained(t *testing.T) {
	c := freshClient(t)
	n := newCatalogNet(t, c)
	fix := func(err error) string {
		t.Helper()
		ce, ok := err.(*cloud.Error)
		if !ok {
			t.Fatalf("want a refusal, got %v", err)
		}
		if ce.Obstacle != n.subnet.ID {
			t.Errorf("Obstacle = %q, want %q", ce.Obstacle, n.subnet.ID)
		}
		return ce.Fix
	}
	overlapping := subnetInput(n.vpc.ID, "10.0.1.0/25")

	p := cloud.NewPlan()
	unexplained := fix(c.CheckSubnet(bg, p, p.NewHolder(), overlapping, ""))
	for _, want := range []string{cloud.OrphansCommand, "interrupted apply", "moved block", "If this same plan destroys " + n.subnet.ID} {
		if !strings.Contains(unexplained, want) {
			t.Errorf("without knowing the subnet is destroyed, the fix does not say %q: %s", want, unexplained)
		}
	}

	p.Removing(n.subnet.ID)
	explained := fix(c.CheckSubnet(bg, p, p.NewHolder(), overlapping, ""))
	for _, want := range []string{n.subnet.ID + " is being destroyed by this same plan", "moved block"} {
		if !strings.Contains(explained, want) {
			t.Errorf("with the subnet planned for destroy, the fix does not say %q: %s", want, explained)
		}
	}
	if strings.Contains(explained, cloud.OrphansCommand) {
		t.Errorf("a subnet this plan destroys is no orphan, yet the fix names %s: %s", cloud.OrphansCommand, explained)
	}

	// At apply the same refusal names the orphans command.
	_, err := c.CreateSubnet(bg, overlapping)
	if !strings.Contains(fix(err), cloud.OrphansCommand) {
		t.Errorf("the apply's refusal does not name %s: %v", cloud.OrphansCommand, err)
	}

	// Refusals caused by planned objects, not stored ones, say nothing of either.
	q := cloud.NewPlan()
	noErr(t, c.CheckSubnet(bg, q, q.NewHolder(), subnetInput(n.vpc.ID, "10.0.9.0/24"), ""))
	err = c.CheckSubnet(bg, q, q.NewHolder(), subnetInput(n.vpc.ID, "10.0.9.0/25"), "")
	if ce, ok := err.(*cloud.Error); !ok || ce.Obstacle != "" || strings.Contains(ce.Fix, cloud.OrphansCommand) {
		t.Errorf("a conflict with a planned subnet is explained as one with a stored one: %v", err)
	}
}
