package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const spareInterface = `
resource "simcloud_network_interface" "spare" {
  subnet_id = simcloud_subnet.public.id
}
`

const spareAttachment = `
resource "simcloud_network_interface_attachment" "spare" {
  instance_id          = simcloud_instance.web.id
  network_interface_id = simcloud_network_interface.spare.id
  device_index         = 1
}
`

func TestAccNetworkInterfaceAttachment_basic(t *testing.T) {
	c := newTestCloud(t)
	withInterface := instanceNet + tfInstance("10.0.1.10") + spareInterface
	config := withInterface + spareAttachment
	const address = "simcloud_network_interface_attachment.spare"
	attachmentID := func() string {
		enis, err := c.client.FindNetworkInterfaces(context.Background(), cloud.NetworkInterfaceFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range enis {
			if n.InstanceID != "" && n.DeviceIndex == 1 {
				return n.AttachmentID
			}
		}
		t.Fatal("no interface is attached at device index 1")
		return ""
	}
	unitTest(t,
		createStep(c.config(config), address, `^eni-attach-[0-9a-f]{17}$`,
			attrIs(address, "status", knownvalue.StringExact("attached")),
			attrIs(address, "device_index", knownvalue.Int64Exact(1)),
			attrIs(address, "network_card_index", knownvalue.Int64Exact(0)),
			sameValue(address, "attachment_id", address, "id"),
			sameValue(address, "network_interface_id", "simcloud_network_interface.spare", "id"),
		),
		importStep(address),
		// Detached behind Terraform's back: planned to be attached again.
		driftStep(t, func() error { return c.client.DetachNetworkInterface(context.Background(), attachmentID()) },
			c.config(config), address, actionCreate),
		// Destroying the attachment detaches the interface, which stays.
		withCheck(resource.TestStep{Config: c.config(withInterface)}, func(*terraformState) error {
			enis, err := c.client.FindNetworkInterfaces(context.Background(), cloud.NetworkInterfaceFilter{})
			if err != nil {
				return err
			}
			for _, n := range enis {
				if n.InstanceID != "" && n.DeviceIndex != 0 {
					return fmt.Errorf("interface %s still attached at %d", n.ID, n.DeviceIndex)
				}
			}
			if len(enis) != 2 {
				return fmt.Errorf("%d interfaces, want the instance's and the spare one", len(enis))
			}
			return nil
		}),
	)
}

func TestAccNetworkInterfaceAttachment_planRefusals(t *testing.T) {
	c := newTestCloud(t)
	net := instanceNet + tfInstance("10.0.1.10") + spareInterface + `
resource "simcloud_network_interface" "second" {
  subnet_id = simcloud_subnet.public.id
}
resource "simcloud_subnet" "far" {
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = "10.0.9.0/24"
  availability_zone = "us-east-1f"
}
resource "simcloud_network_interface" "far" {
  subnet_id = simcloud_subnet.far.id
}
`
	attachment := func(name, eni string, index int, extra string) string {
		return fmt.Sprintf(`
resource "simcloud_network_interface_attachment" %q {
  instance_id          = simcloud_instance.web.id
  network_interface_id = simcloud_network_interface.%s.id
  device_index         = %d
  %s
}
`, name, eni, index, extra)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(net)},
		planFails(c.config(net+attachment("x", "spare", 0, "")), "InvalidParameterValue", "already has an interface attached at device index '0'"),
		planFails(c.config(net+attachment("x", "far", 1, "")), "InvalidParameterCombination", "same availability zone"),
		planFails(c.config(net+attachment("x", "spare", 1, "")+attachment("y", "spare", 2, "")), "InvalidNetworkInterface.InUse"),
		planFails(c.config(net+attachment("x", "spare", 1, "")+attachment("y", "second", 1, "")), "already has an interface attached at device index '1'"),
		// A t3.micro takes two interfaces, its primary one included.
		planFails(c.config(net+attachment("x", "spare", 1, "")+attachment("y", "second", 2, "")), "AttachmentLimitExceeded", "t3.micro"),
		planFails(c.config(net+attachment("x", "spare", 1, "network_card_index = 1")), "InvalidParameterValue", "network_card_index"),
		resource.TestStep{Config: c.config(net)},
	)
}

func TestAccNetworkInterfaceSGAttachment_basic(t *testing.T) {
	c := newTestCloud(t)
	withInterface := instanceNet + spareInterface
	config := withInterface + `
resource "simcloud_network_interface_sg_attachment" "web" {
  security_group_id    = simcloud_security_group.web.id
  network_interface_id = simcloud_network_interface.spare.id
}
`
	const address = "simcloud_network_interface_sg_attachment.web"
	groupsOf := func() (cloud.NetworkInterface, []string) {
		enis, err := c.client.FindNetworkInterfaces(context.Background(), cloud.NetworkInterfaceFilter{})
		if err != nil || len(enis) != 1 {
			t.Fatalf("interfaces %v: %v", enis, err)
		}
		return enis[0], enis[0].SecurityGroupIDs
	}
	unitTest(t,
		createStep(c.config(config), address, `^sg-[0-9a-f]{17}_eni-[0-9a-f]{17}$`),
		// The AWS provider imports the interface's ID first.
		importStepBy(address, func(s *terraformState) (string, error) {
			a := s.RootModule().Resources[address].Primary.Attributes
			return a["network_interface_id"] + "_" + a["security_group_id"], nil
		}),
		importStep(address),
		importFails(address, "sg-1_eni-1", "Invalid security group attachment ID", "NETWORK-INTERFACE-ID_SECURITY-GROUP-ID"),
		// The group taken off the interface behind Terraform's back.
		driftStep(t, func() error {
			eni, groups := groupsOf()
			for _, g := range groups {
				if err := c.client.DetachInterfaceGroup(context.Background(), cloud.InterfaceGroupAttachment{SecurityGroupID: g, NetworkInterfaceID: eni.ID}); err != nil {
					return err
				}
			}
			return nil
		}, c.config(config), address, actionCreate),
		withCheck(resource.TestStep{Config: c.config(withInterface)}, func(*terraformState) error {
			if _, groups := groupsOf(); len(groups) != 1 {
				return fmt.Errorf("groups %v after the attachment is destroyed, want the default group alone", groups)
			}
			return nil
		}),
	)
}

// TestAccNetworkInterfaceSGAttachment_instancePrimaryInterface: a group
// added to an instance's primary interface shows in the instance's groups
// without the instance, which leaves vpc_security_group_ids out, planning
// to take it off again.
func TestAccNetworkInterfaceSGAttachment_instancePrimaryInterface(t *testing.T) {
	c := newTestCloud(t)
	config := instanceNet + tfInstance("10.0.1.10") + `
resource "simcloud_network_interface_sg_attachment" "web" {
  security_group_id    = simcloud_security_group.web.id
  network_interface_id = simcloud_instance.web.primary_network_interface_id
}
`
	unitTest(t,
		resource.TestStep{Config: c.config(config)},
		withCheck(resource.TestStep{Config: c.config(config), ConfigPlanChecks: expectEmptyPlan}, func(*terraformState) error {
			inst := onlyOne[cloud.Instance](t, c, "instance", cloud.InstanceFilter{})
			if len(inst.SecurityGroupIDs) != 2 {
				return fmt.Errorf("instance groups %v, want the default group and web", inst.SecurityGroupIDs)
			}
			return nil
		}),
	)
}

func TestAccNetworkInterfaceSGAttachment_planRefusals(t *testing.T) {
	c := newTestCloud(t)
	groups := ""
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		groups += fmt.Sprintf(`
resource "simcloud_security_group" %q {
  name   = %q
  vpc_id = simcloud_vpc.main.id
}
resource "simcloud_network_interface_sg_attachment" %q {
  security_group_id    = simcloud_security_group.%s.id
  network_interface_id = simcloud_network_interface.spare.id
}
`, n, n, n, n)
	}
	net := instanceNet + spareInterface + `
resource "simcloud_vpc" "other" { cidr_block = "10.1.0.0/16" }
resource "simcloud_security_group" "elsewhere" {
  name   = "elsewhere"
  vpc_id = simcloud_vpc.other.id
}
`
	unitTest(t,
		resource.TestStep{Config: c.config(net)},
		planFails(c.config(net+`
resource "simcloud_network_interface_sg_attachment" "x" {
  security_group_id    = simcloud_security_group.elsewhere.id
  network_interface_id = simcloud_network_interface.spare.id
}`), "InvalidParameter", "different networks"),
		// The default group and five more: six groups planned on one interface.
		planFails(c.config(net+groups), "SecurityGroupsPerInterfaceLimitExceeded"),
		resource.TestStep{Config: c.config(net)},
	)
}
