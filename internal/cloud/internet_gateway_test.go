package cloud_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func mustCreateIGW(t testing.TB, c *cloud.Client, vpcID string) cloud.InternetGateway {
	t.Helper()
	return must(c.CreateInternetGateway(context.Background(), vpcID, map[string]string{"Name": "igw"}))(t)
}

func TestInternetGatewayOnePerVPC(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	first := mustCreateIGW(t, c, vpc.ID)
	if !strings.HasPrefix(first.ID, "igw-") || len(first.ID) != len("igw-")+17 {
		t.Errorf("ID %q is not AWS-shaped", first.ID)
	}
	if want := "arn:aws:ec2:us-east-1:123456789012:internet-gateway/" + first.ID; first.ARN() != want {
		t.Errorf("ARN %s, want %s", first.ARN(), want)
	}

	_, err := c.CreateInternetGateway(ctx, vpc.ID, nil)
	wantCode(t, err, "InvalidParameterValue")
	ce := asCloudError(t, err)
	if ce.Message != "Network "+vpc.ID+" already has an internet gateway attached" || !strings.Contains(ce.Fix, first.ID) || ce.Field != "vpc_id" {
		t.Errorf("refusal = %+v, want AWS's message naming %s on vpc_id", ce, first.ID)
	}
	all, _ := c.FindInternetGateways(ctx, cloud.InternetGatewayFilter{})
	if len(all) != 1 {
		t.Fatalf("a refused create left a gateway behind: %d gateways", len(all))
	}

	detached := mustCreateIGW(t, c, "")
	wantCode(t, c.AttachInternetGateway(ctx, detached.ID, vpc.ID), "InvalidParameterValue")

	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	wantCode(t, c.AttachInternetGateway(ctx, first.ID, other.ID), "Resource.AlreadyAssociated")
	wantCode(t, c.AttachInternetGateway(ctx, first.ID, vpc.ID), "Resource.AlreadyAssociated")
	if err := c.AttachInternetGateway(ctx, detached.ID, other.ID); err != nil {
		t.Fatalf("attach to a free VPC: %v", err)
	}
	got, _ := c.InternetGateway(ctx, detached.ID)
	if got.VPCID != other.ID || got.Tags["Name"] != "igw" {
		t.Errorf("after attach: %+v", got)
	}
}

func TestInternetGatewayRefusals(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	igw := mustCreateIGW(t, c, "")

	_, err := c.CreateInternetGateway(ctx, "vpc-0123456789abcdef0", nil)
	wantCode(t, err, "InvalidVpcID.NotFound")
	_, err = c.CreateInternetGateway(ctx, "vpc-XYZ", nil)
	wantCode(t, err, "InvalidVpcID.Malformed")
	wantCode(t, c.AttachInternetGateway(ctx, "igw-0123456789abcdef0", vpc.ID), "InvalidInternetGatewayID.NotFound")
	wantCode(t, c.DetachInternetGateway(ctx, igw.ID, vpc.ID), "Gateway.NotAttached")

	if err := c.AttachInternetGateway(ctx, igw.ID, vpc.ID); err != nil {
		t.Fatal(err)
	}
	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	wantCode(t, c.DetachInternetGateway(ctx, igw.ID, other.ID), "Gateway.NotAttached")
	wantCode(t, c.DeleteInternetGateway(ctx, igw.ID), "DependencyViolation")
	err = c.DeleteVPC(ctx, vpc.ID)
	wantCode(t, err, "DependencyViolation")
	if !strings.Contains(asCloudError(t, err).Fix, igw.ID) {
		t.Errorf("DependencyViolation does not name %s: %v", igw.ID, err)
	}

	if err := c.DetachInternetGateway(ctx, igw.ID, vpc.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteVPC(ctx, vpc.ID); err != nil {
		t.Fatalf("VPC with its gateway detached: %v", err)
	}
	if err := c.DeleteInternetGateway(ctx, igw.ID); err != nil {
		t.Fatal(err)
	}
	_, err = c.InternetGateway(ctx, igw.ID)
	wantCode(t, err, "InvalidInternetGatewayID.NotFound")
}

func TestInternetGatewayMove(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	x, y, z := mustCreateVPC(t, c, vpcInput("10.0.0.0/16")), mustCreateVPC(t, c, vpcInput("10.1.0.0/16")), mustCreateVPC(t, c, vpcInput("10.2.0.0/16"))
	a := mustCreateIGW(t, c, x.ID)
	mustCreateIGW(t, c, z.ID)

	moved, err := c.UpdateInternetGateway(ctx, a.ID, y.ID, map[string]string{"Name": "moved"})
	if err != nil || moved.VPCID != y.ID {
		t.Fatalf("move to a free VPC: %+v %v", moved, err)
	}
	_, err = c.UpdateInternetGateway(ctx, a.ID, z.ID, nil)
	wantCode(t, err, "InvalidParameterValue")
	stayed, _ := c.InternetGateway(ctx, a.ID)
	if stayed.VPCID != y.ID || stayed.Tags["Name"] != "moved" {
		t.Fatalf("a refused move changed the gateway: %+v", stayed)
	}
	if _, err := c.UpdateInternetGateway(ctx, a.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.DetachAndDeleteInternetGateway(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	b := mustCreateIGW(t, c, "")
	if _, err := c.UpdateInternetGateway(ctx, b.ID, x.ID, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.DetachAndDeleteInternetGateway(ctx, b.ID); err != nil {
		t.Fatalf("destroying an attached gateway: %v", err)
	}
	if err := c.DeleteVPC(ctx, x.ID); err != nil {
		t.Fatalf("the VPC still sees its deleted gateway: %v", err)
	}
}

func TestInternetGatewayPlanChecks(t *testing.T) {
	ctx := context.Background()
	attach := func(igwID, vpcID string) cloud.InternetGatewayAttachment {
		return cloud.InternetGatewayAttachment{InternetGatewayID: igwID, VPCID: vpcID}
	}
	none := cloud.InternetGatewayAttachment{}
	c := freshClient(t)
	taken := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	free := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	existing := mustCreateIGW(t, c, taken.ID)
	spare := mustCreateIGW(t, c, "")

	cases := []struct {
		name   string
		checks func(p *cloud.Plan) error
		code   string
	}{
		{"new gateway on a VPC that has one", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach("", taken.ID), none)
		}, "InvalidParameterValue"},
		{"existing gateway planned again where it is", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, cloud.ExistingHolder(existing.ID), attach(existing.ID, taken.ID), attach(existing.ID, taken.ID))
		}, ""},
		{"two new gateways on one free VPC", func(p *cloud.Plan) error {
			if err := c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach("", free.ID), none); err != nil {
				return err
			}
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach("", free.ID), none)
		}, "InvalidParameterValue"},
		{"a gateway and an attachment of another on one VPC", func(p *cloud.Plan) error {
			if err := c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach("", free.ID), none); err != nil {
				return err
			}
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach(spare.ID, free.ID), none)
		}, "InvalidParameterValue"},
		{"moving a gateway onto a VPC that has one", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, cloud.ExistingHolder(spare.ID), attach(spare.ID, taken.ID), attach(spare.ID, ""))
		}, "InvalidParameterValue"},
		{"attaching a gateway attached elsewhere", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach(existing.ID, free.ID), none)
		}, "Resource.AlreadyAssociated"},
		{"an existing gateway moving to a free VPC", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, cloud.ExistingHolder(existing.ID), attach(existing.ID, free.ID), attach(existing.ID, taken.ID))
		}, ""},
		{"a replaced attachment giving the VPC another gateway", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach(spare.ID, taken.ID), attach(existing.ID, taken.ID))
		}, ""},
		{"an unknown VPC", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach("", "vpc-0123456789abcdef0"), none)
		}, "InvalidVpcID.NotFound"},
		// Issue 19: one existing gateway attached by two resources of a
		// plan (its own vpc_id and an attachment) passed the plan, and
		// the second attach failed at apply.
		{"a detached gateway attached twice to one VPC", func(p *cloud.Plan) error {
			if err := c.CheckInternetGatewayAttachment(ctx, p, cloud.ExistingHolder(spare.ID), attach(spare.ID, free.ID), attach(spare.ID, "")); err != nil {
				return err
			}
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach(spare.ID, free.ID), none)
		}, "Resource.AlreadyAssociated"},
		{"a detached gateway attached to two VPCs", func(p *cloud.Plan) error {
			if err := c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach(spare.ID, free.ID), none); err != nil {
				return err
			}
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach(spare.ID, "vpc-"+cloud.Unknown), none)
		}, "Resource.AlreadyAssociated"},
		{"one new gateway on a free VPC", func(p *cloud.Plan) error {
			return c.CheckInternetGatewayAttachment(ctx, p, p.NewHolder(), attach("", free.ID), none)
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.checks(cloud.NewPlan())
			wantCode(t, err, tc.code)
			if tc.code == "InvalidParameterValue" && !strings.Contains(err.Error(), "already has an internet gateway attached") {
				t.Errorf("message: %v", err)
			}
		})
	}
}

func TestParseInternetGatewayAttachmentID(t *testing.T) {
	igw, vpc := "igw-0123456789abcdef0", "vpc-0123456789abcdef0"
	if g, v, err := cloud.ParseInternetGatewayAttachmentID(cloud.InternetGatewayAttachmentID(igw, vpc)); err != nil || g != igw || v != vpc {
		t.Fatalf("round trip: %q %q %v", g, v, err)
	}
	for _, bad := range []string{"", igw, vpc + ":" + igw, igw + ":" + vpc + ":x", igw + "/" + vpc, ":", igw + ":"} {
		_, _, err := cloud.ParseInternetGatewayAttachmentID(bad)
		if err == nil || !strings.Contains(err.Error(), "expected INTERNET-GATEWAY-ID:VPC-ID") {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}

// FuzzParseInternetGatewayAttachmentID checks that an accepted import string
// always splits into a gateway ID and a VPC ID that join back into it.
func FuzzParseInternetGatewayAttachmentID(f *testing.F) {
	f.Add("igw-0123456789abcdef0:vpc-0123456789abcdef0")
	f.Add("igw-a:vpc-b")
	f.Add("::::")
	f.Fuzz(func(t *testing.T, s string) {
		igw, vpc, err := cloud.ParseInternetGatewayAttachmentID(s)
		if err != nil {
			return
		}
		if cloud.InternetGatewayAttachmentID(igw, vpc) != s || cloud.ValidateID(cloud.KindInternetGateway, igw, "") != nil || cloud.ValidateID(cloud.KindVPC, vpc, "") != nil {
			t.Fatalf("accepted %q as %q, %q", s, igw, vpc)
		}
	})
}

func TestEgressOnlyInternetGateway(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	_, err := c.CreateEgressOnlyInternetGateway(ctx, "vpc-0123456789abcdef0", nil)
	wantCode(t, err, "InvalidVpcID.NotFound")

	a, err := c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, map[string]string{"Name": "a"})
	if err != nil || !strings.HasPrefix(a.ID, "eigw-") {
		t.Fatalf("create: %+v %v", a, err)
	}
	// AWS sets no limit of one per VPC on egress-only gateways.
	if _, err := c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil); err != nil {
		t.Fatalf("second egress-only gateway: %v", err)
	}
	found, _ := cloud.Find[cloud.EgressOnlyInternetGateway](c, ctx, cloud.EgressOnlyInternetGatewayFilter{VPCID: vpc.ID, Tags: map[string]string{"Name": "a"}})
	if len(found) != 1 || found[0].ID != a.ID {
		t.Fatalf("find by VPC and tag: %+v", found)
	}
	if _, err := cloud.ReplaceTags[cloud.EgressOnlyInternetGateway](c, ctx, a.ID, map[string]string{"Name": "b"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := cloud.Describe[cloud.EgressOnlyInternetGateway](c, ctx, a.ID); got.Tags["Name"] != "b" || got.VPCID != vpc.ID {
		t.Fatalf("after tag update: %+v", got)
	}
	wantCode(t, c.DeleteVPC(ctx, vpc.ID), "DependencyViolation")
	if err := c.DeleteObject(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err = cloud.Describe[cloud.EgressOnlyInternetGateway](c, ctx, a.ID)
	wantCode(t, err, "InvalidGatewayID.NotFound")
	wantCode(t, c.DeleteObject(ctx, "eigw-zz"), "InvalidEgressOnlyInternetGatewayId.Malformed")
}

// The helper process of TestInternetGatewayAttachRace: started with these
// variables set, the test binary races for gateways instead of testing.
const (
	envRaceDatabase = "SIMCLOUD_TEST_RACE_DATABASE"
	envRaceVPCs     = "SIMCLOUD_TEST_RACE_VPCS"
)

// raceForGateways tries to give each VPC a gateway and reports each outcome
// as "ok" or the error code, one line per try.
func raceForGateways(c *cloud.Client, vpcIDs []string, out func(string)) {
	for _, vpcID := range vpcIDs {
		_, err := c.CreateInternetGateway(context.Background(), vpcID, nil)
		switch {
		case err == nil:
			out("ok " + vpcID)
		case cloud.ErrorCode(err) != "":
			out(cloud.ErrorCode(err) + " " + vpcID)
		default:
			out("error " + strings.ReplaceAll(err.Error(), "\n", " "))
		}
	}
}

func TestInternetGatewayRaceHelper(t *testing.T) {
	path := os.Getenv(envRaceDatabase)
	if path == "" {
		t.Skip("only runs as the helper process of TestInternetGatewayAttachRace")
	}
	c := newClient(t, reopen(t, path), defaultScope)
	raceForGateways(c, strings.Split(os.Getenv(envRaceVPCs), ","), func(line string) { fmt.Println(line) })
}

// TestInternetGatewayAttachRace has goroutines and OS processes race to give
// the same VPCs gateways: each VPC ends with exactly one, and every loser
// gets AWS's error, never a database error.
func TestInternetGatewayAttachRace(t *testing.T) {
	st, path := openStore(t)
	c := newClient(t, st, defaultScope)
	var vpcIDs []string
	for range 10 {
		vpcIDs = append(vpcIDs, mustCreateVPC(t, c, vpcInput("10.0.0.0/16")).ID)
	}

	const processes, goroutines = 3, 4
	outcomes := race(t, "TestInternetGatewayRaceHelper", processes,
		func(int) []string {
			return []string{envRaceDatabase + "=" + path, envRaceVPCs + "=" + strings.Join(vpcIDs, ",")}
		},
		func(line string) bool {
			return strings.HasPrefix(line, "ok ") || strings.HasPrefix(line, "Invalid") || strings.HasPrefix(line, "error ")
		},
		goroutines, func(_ int, report func(string)) { raceForGateways(c, vpcIDs, report) })

	wins := map[string]int{}
	for _, o := range outcomes {
		code, vpcID, _ := strings.Cut(o, " ")
		switch code {
		case "ok":
			wins[vpcID]++
		case "InvalidParameterValue":
		default:
			t.Errorf("a racer saw %q", o)
		}
	}
	if want := (processes + goroutines) * len(vpcIDs); len(outcomes) != want {
		t.Errorf("%d outcomes, want %d", len(outcomes), want)
	}
	for _, vpcID := range vpcIDs {
		if wins[vpcID] != 1 {
			t.Errorf("%s: %d racers attached a gateway, want 1", vpcID, wins[vpcID])
		}
		attached, _ := c.FindInternetGateways(context.Background(), cloud.InternetGatewayFilter{VPCID: vpcID})
		if len(attached) != 1 {
			t.Errorf("%s has %d gateways", vpcID, len(attached))
		}
	}
}
