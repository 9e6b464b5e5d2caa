package cloud_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// adviceCodes renders advisories as "code subject objects..." lines, sorted.
func adviceCodes(advice []cloud.Advisory) []string {
	var out []string
	for _, a := range advice {
		out = append(out, a.Code+" "+strings.Join(a.Objects, " "))
	}
	slices.Sort(out)
	return out
}

func wantAdvice(t *testing.T, got []cloud.Advisory, err error, want ...string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	if g := adviceCodes(got); !slices.Equal(g, want) {
		t.Fatalf("advice:\n got %q\nwant %q", g, want)
	}
	for _, a := range got {
		if a.Subject != a.Objects[0] || a.Message == "" || !isSentence(a.Fix) {
			t.Errorf("advisory does not teach: %+v", a)
		}
	}
}

func TestAdviceQuietOnARoutedNetwork(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	igw := mustCreateIGW(t, c, vpc.ID)
	publicIn := subnetInput(vpc.ID, "10.0.1.0/24")
	publicIn.MapPublicIPOnLaunch = true
	public := mustCreateSubnet(t, c, publicIn)
	private := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.2.0/24"))
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true,
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: igw.ID}}}))(t)
	must(c.Associate(ctx, public.ID, table.ID))(t)

	got, err := c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err)
	for _, id := range []string{public.ID, private.ID, igw.ID, table.ID, vpc.MainRouteTableID} {
		got, err := c.AdviceOn(ctx, id)
		wantAdvice(t, got, err)
	}
}

func TestAdviceOnSurprises(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	igw := mustCreateIGW(t, c, vpc.ID)
	in := subnetInput(vpc.ID, "10.0.1.0/24")
	in.MapPublicIPOnLaunch = true
	subnet := mustCreateSubnet(t, c, in)
	spare := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)

	publicIP := cloud.AdvicePublicIPWithoutInternetRoute + " " + subnet.ID + " " + vpc.MainRouteTableID
	unusedIGW := cloud.AdviceInternetGatewayWithoutRoute + " " + igw.ID + " " + vpc.ID
	unusedTable := cloud.AdviceRouteTableWithoutSubnets + " " + spare.ID + " " + vpc.ID
	got, err := c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err, publicIP, unusedIGW, unusedTable)
	got, err = c.AdviceOn(ctx, subnet.ID)
	wantAdvice(t, got, err, publicIP)
	if got[0].Field != "map_public_ip_on_launch" || !strings.Contains(got[0].Message, "no route for internet addresses") {
		t.Errorf("subnet advice: %+v", got[0])
	}
	got, err = c.AdviceOn(ctx, igw.ID)
	wantAdvice(t, got, err, unusedIGW)
	got, err = c.AdviceOn(ctx, spare.ID)
	wantAdvice(t, got, err, unusedTable)

	// A route to the gateway in the spare table quiets the gateway's advice
	// but not the subnet's, which the main table still serves.
	must(c.CreateRoute(ctx, spare.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: igw.ID}))(t)
	got, err = c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err, publicIP, unusedTable)

	// Associating the subnet with it quiets the rest.
	must(c.Associate(ctx, subnet.ID, spare.ID))(t)
	got, err = c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err)

	// A detached gateway leaves a blackhole: the subnet's addresses are
	// unreachable again, and a detached gateway is not advised on.
	if err := c.DetachInternetGateway(ctx, igw.ID, vpc.ID); err != nil {
		t.Fatal(err)
	}
	got, err = c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err, cloud.AdvicePublicIPWithoutInternetRoute+" "+subnet.ID+" "+spare.ID)
	if !strings.Contains(got[0].Message, "blackhole") {
		t.Errorf("the advice does not say why: %s", got[0].Message)
	}
	got, err = c.AdviceOn(ctx, igw.ID)
	wantAdvice(t, got, err)
}
