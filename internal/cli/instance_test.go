package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestInstanceViews: ls shows an instance and an interface of its own in
// their subnet, with their addresses and groups; show and delete take
// their IDs; the diagram draws the instance in its subnet, guarded by its
// group.
func TestInstanceViews(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	var inst cloud.Instance
	var eni cloud.NetworkInterface
	withClient(t, location, func(c *cloud.Client, w *world) {
		inst = must(c.RunInstance(context.Background(), cloud.InstanceInput{AMI: "ami-0123456789abcdef0", InstanceType: "t3.micro",
			SubnetID: ids["subnet private-a"], SourceDestCheck: true, Tags: map[string]string{"Name": "app"}}))(t)
		eni = must(c.CreateNetworkInterface(context.Background(), cloud.NetworkInterfaceInput{SubnetID: ids["subnet private-a"], SourceDestCheck: true}))(t)
	})
	ls := mustRun(t, location, "", "ls")
	for _, want := range []string{"instance " + inst.ID + "  t3.micro  " + inst.PrivateIP + "  groups " + inst.SecurityGroupIDs[0] + `  "app"`,
		"network interface " + eni.ID + "  " + eni.PrivateIP} {
		if !strings.Contains(ls, want) {
			t.Errorf("ls lacks %q:\n%s", want, ls)
		}
	}
	if strings.Contains(ls, "network interface "+inst.PrimaryNetworkInterfaceID) {
		t.Errorf("ls lists the instance's primary interface on its own:\n%s", ls)
	}
	if show := mustRun(t, location, "", "show", inst.ID); !strings.Contains(show, inst.PrimaryNetworkInterfaceID) {
		t.Errorf("show %s:\n%s", inst.ID, show)
	}
	if diagram := mustRun(t, location, "", "diagram"); !strings.Contains(diagram, "instance t3.micro") || !strings.Contains(diagram, `-- "guards" --> i_`) {
		t.Errorf("diagram:\n%s", diagram)
	}
	mustRun(t, location, "", "delete", inst.ID)
	mustRun(t, location, "", "delete", eni.ID)
	if ls := mustRun(t, location, "", "ls"); strings.Contains(ls, inst.ID) || strings.Contains(ls, eni.ID) {
		t.Errorf("ls after delete:\n%s", ls)
	}
}
