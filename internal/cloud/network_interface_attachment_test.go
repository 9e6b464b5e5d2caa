package cloud_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestAttachDetachNetworkInterface: an attached interface reads back by its
// attachment ID and frees its device index when detached; terminating the
// instance detaches it rather than deleting it.
func TestAttachDetachNetworkInterface(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	inst := must(c.RunInstance(ctx, instanceInput(subnet.ID)))(t)
	eni := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID}))(t)

	a := must(c.AttachNetworkInterface(ctx, cloud.NetworkInterfaceAttachmentInput{InstanceID: inst.ID, NetworkInterfaceID: eni.ID, DeviceIndex: 1}))(t)
	if !strings.HasPrefix(a.ID, "eni-attach-") || a.Status != "attached" || a.InstanceID != inst.ID || a.DeviceIndex != 1 {
		t.Fatalf("attachment %+v", a)
	}
	if got := must(c.NetworkInterfaceAttachment(ctx, a.ID))(t); got != a {
		t.Errorf("read back %+v, want %+v", got, a)
	}
	noErr(t, c.DetachNetworkInterface(ctx, a.ID))
	if _, err := c.NetworkInterfaceAttachment(ctx, a.ID); !cloud.IsNotFound(err) {
		t.Errorf("detached attachment read: %v", err)
	}
	// The index is free again, and the instance's end detaches the interface.
	a = must(c.AttachNetworkInterface(ctx, cloud.NetworkInterfaceAttachmentInput{InstanceID: inst.ID, NetworkInterfaceID: eni.ID, DeviceIndex: 1}))(t)
	noErr(t, c.TerminateInstance(ctx, inst.ID))
	if got := must(c.NetworkInterface(ctx, eni.ID))(t); got.InstanceID != "" || got.AttachmentID != "" {
		t.Errorf("interface of a terminated instance %+v", got)
	}
}

// TestPlannedAttachmentsClaimDeviceIndexes: two attachments planned at one
// index of one instance are refused at plan, before either exists.
func TestPlannedAttachmentsClaimDeviceIndexes(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	in := instanceInput(subnet.ID)
	in.InstanceType = "m5.large"
	inst := must(c.RunInstance(ctx, in))(t)
	first := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID}))(t)
	second := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID}))(t)
	p := cloud.NewPlan()
	noErr(t, c.CheckNetworkInterfaceAttachment(ctx, p, p.NewHolder(), cloud.NetworkInterfaceAttachmentInput{InstanceID: inst.ID, NetworkInterfaceID: first.ID, DeviceIndex: 1}))
	err := c.CheckNetworkInterfaceAttachment(ctx, p, p.NewHolder(), cloud.NetworkInterfaceAttachmentInput{InstanceID: inst.ID, NetworkInterfaceID: second.ID, DeviceIndex: 1})
	if cloud.ErrorCode(err) != "InvalidParameterValue" {
		t.Errorf("second attachment at index 1: %v", err)
	}
	noErr(t, c.CheckNetworkInterfaceAttachment(ctx, p, p.NewHolder(), cloud.NetworkInterfaceAttachmentInput{InstanceID: inst.ID, NetworkInterfaceID: second.ID, DeviceIndex: 2}))
	// An m5.large takes three interfaces: a fourth is one too many.
	third := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID}))(t)
	err = c.CheckNetworkInterfaceAttachment(ctx, p, p.NewHolder(), cloud.NetworkInterfaceAttachmentInput{InstanceID: inst.ID, NetworkInterfaceID: third.ID, DeviceIndex: 3})
	if cloud.ErrorCode(err) != "AttachmentLimitExceeded" {
		t.Errorf("fourth interface: %v", err)
	}
}

// TestInterfaceGroupAttachment: a group added to an interface joins its
// groups and leaves them on detach; the last group gives way to the VPC's
// default group, as an interface always has one.
func TestInterfaceGroupAttachment(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	web := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	eni := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID}))(t)
	a := cloud.InterfaceGroupAttachment{SecurityGroupID: web.ID, NetworkInterfaceID: eni.ID}
	if present := must(c.InterfaceGroupAttachment(ctx, a))(t); present {
		t.Fatal("group present before it is attached")
	}
	must(c.AttachInterfaceGroup(ctx, a))(t)
	if got := must(c.NetworkInterface(ctx, eni.ID))(t).SecurityGroupIDs; !slices.Contains(got, web.ID) || !slices.Contains(got, vpc.DefaultSecurityGroupID) {
		t.Errorf("groups after attach %v", got)
	}
	if present := must(c.InterfaceGroupAttachment(ctx, a))(t); !present {
		t.Error("attached group not present")
	}
	noErr(t, c.DetachInterfaceGroup(ctx, a))
	if got := must(c.NetworkInterface(ctx, eni.ID))(t).SecurityGroupIDs; !slices.Equal(got, []string{vpc.DefaultSecurityGroupID}) {
		t.Errorf("groups after detach %v", got)
	}
	// The default group detached: it comes straight back, the only one left.
	noErr(t, c.DetachInterfaceGroup(ctx, cloud.InterfaceGroupAttachment{SecurityGroupID: vpc.DefaultSecurityGroupID, NetworkInterfaceID: eni.ID}))
	if got := must(c.NetworkInterface(ctx, eni.ID))(t).SecurityGroupIDs; !slices.Equal(got, []string{vpc.DefaultSecurityGroupID}) {
		t.Errorf("groups after the last one is detached %v", got)
	}
}

func TestMaxNetworkInterfaces(t *testing.T) {
	for typ, want := range map[string]int64{"t3.micro": 2, "t3.small": 3, "t2.small": 2, "m6g.medium": 2, "m5.large": 3, "c5.9xlarge": 8, "r6i.metal": 15, "m7i.48xlarge": 50} {
		if got := cloud.MaxNetworkInterfaces(typ); got != want {
			t.Errorf("MaxNetworkInterfaces(%s) = %d, want %d", typ, got, want)
		}
	}
	for _, typ := range cloud.InstanceTypes() {
		if cloud.MaxNetworkInterfaces(typ) == 0 {
			t.Errorf("%s has no maximum of network interfaces", typ)
		}
	}
}
