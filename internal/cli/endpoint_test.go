package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestEndpointViews: ls shows a VPC's endpoints in it, with a Gateway
// endpoint's route tables and an Interface endpoint's subnets; show names
// the table whose route reaches the endpoint; the diagram draws both.
func TestEndpointViews(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	var gateway, iface cloud.VPCEndpoint
	withClient(t, location, func(c *cloud.Client, w *world) {
		table := w.VPCs[0].RouteTables[1].ID
		gateway = must(c.CreateVPCEndpoint(context.Background(), cloud.VPCEndpointInput{VPCID: ids["vpc"], Type: cloud.EndpointTypeGateway,
			ServiceName: "com.amazonaws.us-east-1.s3", RouteTableIDs: []string{table}}))(t)
		iface = must(c.CreateVPCEndpoint(context.Background(), cloud.VPCEndpointInput{VPCID: ids["vpc"], Type: cloud.EndpointTypeInterface,
			ServiceName: "com.amazonaws.us-east-1.sts", EndpointOptions: cloud.EndpointOptions{SubnetIDs: []string{ids["subnet private-a"]}}}))(t)
	})
	ls := mustRun(t, location, "", "ls")
	for _, want := range []string{"VPC endpoint " + gateway.ID + "  com.amazonaws.us-east-1.s3  Gateway  available", "routes in " + gateway.RouteTableIDs[0],
		"VPC endpoint " + iface.ID + "  com.amazonaws.us-east-1.sts  Interface", "in " + ids["subnet private-a"], "pl-63a5400a -> " + gateway.ID} {
		if !strings.Contains(ls, want) {
			t.Errorf("ls lacks %q:\n%s", want, ls)
		}
	}
	if show := mustRun(t, location, "", "show", gateway.ID); !strings.Contains(show, "route pl-63a5400a (active)") {
		t.Errorf("show %s:\n%s", gateway.ID, show)
	}
	if diagram := mustRun(t, location, "", "diagram"); !strings.Contains(diagram, "VPC endpoint") || !strings.Contains(diagram, `-- "in" --> subnet_`) {
		t.Errorf("diagram:\n%s", diagram)
	}
}
