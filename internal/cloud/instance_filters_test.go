package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestInstanceAndInterfaceFilters: AWS's filter names select instances and
// interfaces by their network side and their attachment.
func TestInstanceAndInterfaceFilters(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	web := must(c.RunInstance(ctx, withPrivateIP(instanceInput(subnet.ID), "10.0.1.10")))(t)
	must(c.RunInstance(ctx, withPrivateIP(instanceInput(subnet.ID), "10.0.1.11")))(t)
	spare := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID}))(t)
	must(c.AttachNetworkInterface(ctx, cloud.NetworkInterfaceAttachmentInput{InstanceID: web.ID, NetworkInterfaceID: spare.ID, DeviceIndex: 1}))(t)

	instances := must(c.FindInstances(ctx, cloud.InstanceFilter{}))(t)
	for _, tc := range []struct {
		filters []cloud.NamedFilter
		want    int
	}{
		{[]cloud.NamedFilter{{Name: "private-ip-address", Values: []string{"10.0.1.10"}}}, 1},
		{[]cloud.NamedFilter{{Name: "private-ip-address", Values: []string{"10.0.1.1?"}}, {Name: "instance-state-name", Values: []string{"running"}}}, 2},
		{[]cloud.NamedFilter{{Name: "instance-state-name", Values: []string{"stopped"}}}, 0},
		{[]cloud.NamedFilter{{Name: "group-id", Values: []string{vpc.DefaultSecurityGroupID}}, {Name: "vpc-id", Values: []string{vpc.ID}}}, 2},
	} {
		if got := must(cloud.Filtered(instances, tc.filters))(t); len(got) != tc.want {
			t.Errorf("%v: %d instances, want %d", tc.filters, len(got), tc.want)
		}
	}
	enis := must(c.FindNetworkInterfaces(ctx, cloud.NetworkInterfaceFilter{}))(t)
	got := must(cloud.Filtered(enis, []cloud.NamedFilter{{Name: "attachment.instance-id", Values: []string{web.ID}}, {Name: "attachment.device-index", Values: []string{"1"}}}))(t)
	if len(got) != 1 || got[0].ID != spare.ID || got[0].Status() != "in-use" {
		t.Errorf("interface at device index 1 of %s: %+v", web.ID, got)
	}
	if got := must(cloud.Filtered(enis, []cloud.NamedFilter{{Name: "status", Values: []string{"available"}}}))(t); len(got) != 0 {
		t.Errorf("available interfaces %+v, want none", got)
	}
	if err := cloud.CheckFilterName[cloud.NetworkInterface]("attachment.colour"); cloud.ErrorCode(err) != "InvalidParameterValue" {
		t.Errorf("unknown filter name: %v", err)
	}
}
