package cloud_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestVPNGatewayRoutes: a route through a virtual private gateway is
// active while the gateway is attached to the table's VPC and a blackhole
// once it is detached; a route to a gateway of another VPC is refused, at
// plan unless the plan attaches it there.
func TestVPNGatewayRoutes(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	g := must(c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{VPCID: vpc.ID}))(t)
	if g.AmazonSideASN != cloud.DefaultAmazonSideASN || g.ARN() == "" {
		t.Errorf("new gateway: ASN %q, ARN %q", g.AmazonSideASN, g.ARN())
	}
	route := must(c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "192.168.0.0/16", Target: g.ID}))(t)
	if route.State != cloud.RouteStateActive {
		t.Errorf("route through an attached gateway is %s", route.State)
	}
	noErr(t, c.DetachVPNGateway(ctx, g.ID, vpc.ID))
	if r := must(c.Route(ctx, table.ID, "192.168.0.0/16"))(t); r.State != cloud.RouteStateBlackhole {
		t.Errorf("route through a detached gateway is %s, want blackhole", r.State)
	}

	// Attached to another VPC, the gateway serves not this table.
	noErr(t, c.AttachVPNGateway(ctx, g.ID, other.ID))
	_, err := c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "172.16.0.0/12", Target: g.ID})
	wantCode(t, err, "InvalidParameterValue")

	// A plan that moves the gateway to the table's VPC may route to it.
	p := cloud.NewPlan()
	move := cloud.VPNGatewayInput{VPCID: vpc.ID}
	noErr(t, c.CheckVPNGateway(ctx, p, cloud.ExistingHolder(g.ID), move, g.ID, other.ID))
	spec := cloud.RouteSpec{Destination: "172.16.0.0/12", Target: g.ID}
	if err := c.CheckRoute(ctx, p, p.NewHolder(), table.ID, spec, false); err != nil {
		t.Errorf("route to a gateway the plan attaches to the table's VPC: %v", err)
	}
	// Moving it there with the update, in one step.
	moved := must(c.UpdateVPNGateway(ctx, g.ID, vpc.ID, map[string]string{"Name": "moved"}))(t)
	if moved.VPCID != vpc.ID || moved.Tags["Name"] != "moved" {
		t.Errorf("after the update: %+v", moved)
	}
	if r := must(c.Route(ctx, table.ID, "192.168.0.0/16"))(t); r.State != cloud.RouteStateActive {
		t.Errorf("route through the gateway attached again is %s", r.State)
	}
	// A VPC with a virtual private gateway cannot be deleted.
	wantCode(t, c.DeleteVPC(ctx, vpc.ID), "DependencyViolation")
}

// TestVPNGatewayAttachedTwiceInOnePlan: a gateway attached by its own
// vpc_id and by a simcloud_vpn_gateway_attachment of the same plan is
// refused at plan, as the second attach would be at apply (issue 19).
func TestVPNGatewayAttachedTwiceInOnePlan(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	g := must(c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{}))(t)
	p := cloud.NewPlan()
	noErr(t, c.CheckVPNGateway(ctx, p, cloud.ExistingHolder(g.ID), cloud.VPNGatewayInput{VPCID: vpc.ID}, g.ID, ""))
	err := c.CheckVPNGatewayAttachment(ctx, p, p.NewHolder(), cloud.VPNGatewayAttachment{VPNGatewayID: g.ID, VPCID: vpc.ID}, cloud.VPNGatewayAttachment{})
	wantCode(t, err, "VpnGatewayAttachmentLimitExceeded")
	// Planned again on its own, the gateway still may attach.
	noErr(t, c.CheckVPNGateway(ctx, p, cloud.ExistingHolder(g.ID), cloud.VPNGatewayInput{VPCID: vpc.ID}, g.ID, ""))
}

// TestVPNGatewayPropagation: a gateway propagates into the tables of the
// VPC it is attached to, the table shows it, and a detachment ends it.
func TestVPNGatewayPropagation(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	g := must(c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{}))(t)
	want := cloud.VGWRoutePropagation{VPNGatewayID: g.ID, RouteTableID: table.ID}

	// Refused while detached, unless the plan attaches it.
	p := cloud.NewPlan()
	wantCode(t, c.CheckVGWRoutePropagation(ctx, p, p.NewHolder(), want), "Gateway.NotAttached")
	noErr(t, c.CheckVPNGatewayAttachment(ctx, p, p.NewHolder(), cloud.VPNGatewayAttachment{VPNGatewayID: g.ID, VPCID: vpc.ID}, cloud.VPNGatewayAttachment{}))
	if err := c.CheckVGWRoutePropagation(ctx, p, p.NewHolder(), want); err != nil {
		t.Errorf("propagation from a gateway the plan attaches: %v", err)
	}

	noErr(t, c.AttachVPNGateway(ctx, g.ID, vpc.ID))
	noErr(t, c.EnableVGWRoutePropagation(ctx, want))
	noErr(t, c.EnableVGWRoutePropagation(ctx, want))
	if got := must(c.RouteTable(ctx, table.ID))(t).PropagatingVGWs; !slices.Equal(got, []string{g.ID}) {
		t.Errorf("propagating gateways: %v", got)
	}
	if ok := must(c.VGWRoutePropagation(ctx, want))(t); !ok {
		t.Error("the propagation is not found")
	}
	// Propagation adds no route: there are no VPN connections.
	if routes := must(c.RouteTable(ctx, table.ID))(t).Routes; len(routes) != 1 {
		t.Errorf("routes: %v, want the local one only", routes)
	}

	noErr(t, c.DetachVPNGateway(ctx, g.ID, vpc.ID))
	if ok := must(c.VGWRoutePropagation(ctx, want))(t); ok {
		t.Error("the propagation outlived the detachment")
	}
	noErr(t, c.DisableVGWRoutePropagation(ctx, want))
	noErr(t, c.DeleteObject(ctx, g.ID))
}

func TestVPNGatewayAttachmentIDAsTheAWSProviderFormsIt(t *testing.T) {
	// The CRC-32 of "vpc-0123456789abcdef0-vgw-0123456789abcdef0", in hex.
	got := cloud.VPNGatewayAttachmentID("vgw-0123456789abcdef0", "vpc-0123456789abcdef0")
	if want := "vpn-attachment-cbd482ce"; got != want {
		t.Errorf("attachment ID %q, want %q", got, want)
	}
	p := cloud.VGWRoutePropagation{VPNGatewayID: "vgw-0123456789abcdef0", RouteTableID: "rtb-0123456789abcdef0"}
	parsed, err := cloud.ParseVGWRoutePropagationID(p.ID())
	if err != nil || parsed != p || p.ID() != "vgw-0123456789abcdef0_rtb-0123456789abcdef0" {
		t.Errorf("propagation ID %q parsed as %+v, %v", p.ID(), parsed, err)
	}
	_, err = cloud.ParseVGWRoutePropagationID("rtb-0123456789abcdef0_vgw-0123456789abcdef0")
	wantCode(t, err, "InvalidParameterValue")
}

func TestValidateCustomerGateway(t *testing.T) {
	ok := cloud.CustomerGatewayInput{BGPASN: "65000", IPAddress: "203.0.113.12", Type: "ipsec.1"}
	with := func(change func(in *cloud.CustomerGatewayInput)) cloud.CustomerGatewayInput {
		in := ok
		change(&in)
		return in
	}
	for _, tc := range []struct {
		name  string
		in    cloud.CustomerGatewayInput
		field string
	}{
		{"valid", ok, ""},
		{"extended ASN", with(func(in *cloud.CustomerGatewayInput) { in.BGPASN, in.BGPASNExtended = "", "4294967295" }), ""},
		{"ASN unknown at plan", with(func(in *cloud.CustomerGatewayInput) { in.BGPASN = cloud.Unknown }), ""},
		{"certificate", with(func(in *cloud.CustomerGatewayInput) {
			in.CertificateARN = "arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-4567-89ef-0123-456789abcdef"
		}), ""},
		{"ASN zero", with(func(in *cloud.CustomerGatewayInput) { in.BGPASN = "0" }), "bgp_asn"},
		{"ASN not a number", with(func(in *cloud.CustomerGatewayInput) { in.BGPASN = "AS65000" }), "bgp_asn"},
		{"small extended ASN", with(func(in *cloud.CustomerGatewayInput) { in.BGPASN, in.BGPASNExtended = "", "65000" }), "bgp_asn_extended"},
		{"extended ASN beyond 32 bits", with(func(in *cloud.CustomerGatewayInput) { in.BGPASN, in.BGPASNExtended = "", "4294967296" }), "bgp_asn_extended"},
		{"IPv6 address", with(func(in *cloud.CustomerGatewayInput) { in.IPAddress = "2001:db8::1" }), "ip_address"},
		{"not an address", with(func(in *cloud.CustomerGatewayInput) { in.IPAddress = "203.0.113" }), "ip_address"},
		{"not a certificate", with(func(in *cloud.CustomerGatewayInput) { in.CertificateARN = "arn:aws:iam::123456789012:role/x" }), "certificate_arn"},
		{"device name too long", with(func(in *cloud.CustomerGatewayInput) { in.DeviceName = string(make([]byte, 256)) }), "device_name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := cloud.ValidateCustomerGateway(tc.in)
			var field string
			if ce, isCloud := err.(*cloud.Error); isCloud {
				field = ce.Field
			} else if err != nil {
				t.Fatalf("%T: %v", err, err)
			}
			if field != tc.field {
				t.Errorf("error %v on %q, want one on %q", err, field, tc.field)
			}
		})
	}
}

func TestValidateAmazonSideASN(t *testing.T) {
	for asn, valid := range map[string]bool{
		"64512": true, "65534": true, "7224": true, "4200000000": true, "4294967294": true,
		"64511": false, "65535": false, "4294967295": false, "1": false, "-1": false, "x": false,
	} {
		if err := cloud.ValidateAmazonSideASN(asn); (err == nil) != valid {
			t.Errorf("ValidateAmazonSideASN(%s) = %v, want valid %t", asn, err, valid)
		}
	}
}

// TestVPNGatewayAttachRace: goroutines race to attach gateways of their own
// to one VPC, and to propagate into its table: one attachment wins, every
// other is refused with AWS's code, and the cloud keeps its invariants.
func TestVPNGatewayAttachRace(t *testing.T) {
	ctx := context.Background()
	st, path := openStore(t)
	c := newClient(t, st, defaultScope)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	const racers = 6
	var wg sync.WaitGroup
	var mu sync.Mutex
	var won int
	codes := map[string]int{}
	for range racers {
		wg.Go(func() {
			g, err := c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{})
			if err == nil {
				err = c.AttachVPNGateway(ctx, g.ID, vpc.ID)
			}
			propagated := c.EnableVGWRoutePropagation(ctx, cloud.VGWRoutePropagation{VPNGatewayID: g.ID, RouteTableID: table.ID})
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				won++
			} else {
				codes[cloud.ErrorCode(err)]++
			}
			if (err == nil) != (propagated == nil) {
				t.Errorf("attach: %v; propagate: %v", err, propagated)
			}
		})
	}
	wg.Wait()
	if won != 1 || codes["InvalidVpcState"] != racers-1 {
		t.Errorf("%d attachments won, refusals %v; want 1 and %d InvalidVpcState", won, codes, racers-1)
	}
	if broken, err := storetest.Invariants(path); err != nil || len(broken) > 0 {
		t.Errorf("invariants: %v %v", broken, err)
	}
}
