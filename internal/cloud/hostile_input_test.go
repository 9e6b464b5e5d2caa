package cloud_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// hostileStrings are values no argument should ever accept, and none may
// make the cloud panic or fail without an AWS error code.
var hostileStrings = []string{
	"",
	strings.Repeat("a", 1<<20),
	"10.0.0.0/16\x00",
	"\x1b[31mred\x1b[0m",
	"vpc-\n0123456789abcdef0",
	"vpc-0123456789abcdef0 ",
	"ｖｐｃ-0123456789abcdef0",
	"vpc-٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦",
	"igw-0123456789abcdef0",
	"subnet-0123456789abcdef0",
	"2001:db8::/64",
	"::/0",
	"0.0.0.0/0",
	"10.0.0.0/0",
	"10.0.0.0/-1",
	"10.0.0.0/99999999999999999999",
	"1.2.3.4",
	"'; DROP TABLE vpcs; --",
	"\xff\xfe",
}

// TestHostileInputGetsAWSErrors feeds hostile values to every argument of
// the cloud's operations: each must be refused with an AWS error code, and
// nothing may be created.
func TestHostileInputGetsAWSErrors(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	igw := mustCreateIGW(t, c, vpc.ID)
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))

	calls := map[string]func(s string) error{
		"CreateVpc cidr": func(s string) error { _, err := c.CreateVPC(ctx, vpcInput(s)); return err },
		"CreateVpc tenancy": func(s string) error {
			in := vpcInput("10.0.0.0/16")
			in.InstanceTenancy = s
			_, err := c.CreateVPC(ctx, in)
			return err
		},
		"DescribeVpcs id":   func(s string) error { _, err := c.VPC(ctx, s); return err },
		"DeleteVpc id":      func(s string) error { return c.DeleteVPC(ctx, s) },
		"CreateSubnet vpc":  func(s string) error { _, err := c.CreateSubnet(ctx, subnetInput(s, "10.0.2.0/24")); return err },
		"CreateSubnet cidr": func(s string) error { _, err := c.CreateSubnet(ctx, subnetInput(vpc.ID, s)); return err },
		"CreateSubnet zone": func(s string) error {
			_, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.2.0/24", AvailabilityZone: s})
			return err
		},
		"CreateSubnet ipv6": func(s string) error {
			_, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.2.0/24", IPv6CIDRBlock: s})
			return err
		},
		"CreateInternetGateway vpc": func(s string) error {
			if s == "" {
				return &cloud.Error{Code: "skipped: an empty VPC means a detached gateway"}
			}
			_, err := c.CreateInternetGateway(ctx, s, nil)
			return err
		},
		"AttachInternetGateway igw": func(s string) error { return c.AttachInternetGateway(ctx, s, vpc.ID) },
		"CreateEgressOnly vpc":      func(s string) error { _, err := c.CreateEgressOnlyInternetGateway(ctx, s, nil); return err },
		"CreateRoute table": func(s string) error {
			_, err := c.CreateRoute(ctx, s, cloud.RouteSpec{Destination: "8.8.8.0/24", Target: igw.ID})
			return err
		},
		"CreateRoute destination": func(s string) error {
			_, err := c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: s, Target: igw.ID})
			return err
		},
		"CreateRoute target": func(s string) error {
			_, err := c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "8.8.8.0/24", Target: s})
			return err
		},
		"AssociateRouteTable subnet":     func(s string) error { _, err := c.Associate(ctx, s, table.ID); return err },
		"AssociateRouteTable table":      func(s string) error { _, err := c.Associate(ctx, subnet.ID, s); return err },
		"DisassociateRouteTable":         func(s string) error { return c.Disassociate(ctx, s) },
		"ParseRouteImportID":             func(s string) error { _, _, err := cloud.ParseRouteImportID(s); return err },
		"ParseAssociationImportID":       func(s string) error { _, _, err := cloud.ParseAssociationImportID(s); return err },
		"ParseInternetGatewayAttachment": func(s string) error { _, _, err := cloud.ParseInternetGatewayAttachmentID(s); return err },
		"tags key":                       func(s string) error { return cloud.ValidateTags(map[string]string{s: "v"}, "tags") },
	}
	// Some of the values are fine for some arguments: a tag key may look
	// like anything printable, a route may go to ::/0, an empty zone means
	// the region's first.
	fine := map[string][]string{
		"tags key": {"'; DROP TABLE vpcs; --", "vpc-0123456789abcdef0 ", "ｖｐｃ-0123456789abcdef0", "vpc-٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦",
			"igw-0123456789abcdef0", "subnet-0123456789abcdef0", "2001:db8::/64", "::/0", "0.0.0.0/0", "10.0.0.0/0", "10.0.0.0/-1",
			"10.0.0.0/99999999999999999999", "1.2.3.4"},
		"CreateRoute destination": {"2001:db8::/64", "::/0", "0.0.0.0/0"},
		"CreateSubnet zone":       {""},
		"CreateSubnet ipv6":       {""},
	}
	for name, call := range calls {
		for _, s := range hostileStrings {
			if slices.Contains(fine[name], s) {
				continue
			}
			err := call(s)
			if err == nil {
				t.Errorf("%s accepted %q", name, printable(s))
				continue
			}
			if cloud.ErrorCode(err) == "" {
				t.Errorf("%s(%q) failed without an AWS code: %v", name, printable(s), err)
			}
		}
	}
	// Thousands of tags.
	many := map[string]string{}
	for i := range 5000 {
		many[fmt.Sprintf("key%d", i)] = "v"
	}
	in := vpcInput("10.0.0.0/16")
	in.Tags = many
	_, err := c.CreateVPC(ctx, in)
	wantCode(t, err, "TagLimitExceeded")

	// Nothing hostile got in: one VPC, one subnet, no routes but the local one.
	if vpcs, _ := c.FindVPCs(ctx, cloud.VPCFilter{}); len(vpcs) != 1 {
		t.Errorf("%d VPCs", len(vpcs))
	}
	if subnets, _ := c.FindSubnets(ctx, cloud.SubnetFilter{}); len(subnets) != 1 {
		t.Errorf("%d subnets", len(subnets))
	}
	if got, _ := c.RouteTable(ctx, table.ID); len(got.Routes) != 1 {
		t.Errorf("routes: %+v", got.Routes)
	}
}

func printable(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
