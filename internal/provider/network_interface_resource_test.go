package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func networkInterfaceConfig(extra string) string {
	return instanceNet + `
resource "simcloud_network_interface" "appliance" {
  subnet_id         = simcloud_subnet.public.id
  private_ip        = "10.0.1.20"
  private_ips_count = 1
` + extra + `
}
resource "simcloud_route_table" "through" {
  vpc_id = simcloud_vpc.main.id
  route {
    cidr_block           = "0.0.0.0/0"
    network_interface_id = simcloud_network_interface.appliance.id
  }
}
`
}

func TestAccNetworkInterface_basic(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		createStep(c.config(networkInterfaceConfig(`description = "firewall"`)), "simcloud_network_interface.appliance", `^eni-[0-9a-f]{17}$`,
			attrIs("simcloud_network_interface.appliance", "private_ips", knownvalue.SetExact([]knownvalue.Check{
				knownvalue.StringExact("10.0.1.20"), knownvalue.StringExact("10.0.1.4")})),
			attrIs("simcloud_network_interface.appliance", "source_dest_check", knownvalue.Bool(true)),
			attrIs("simcloud_network_interface.appliance", "interface_type", knownvalue.StringExact("interface")),
			attrIs("simcloud_network_interface.appliance", "mac_address", matching(`^02(:[0-9a-f]{2}){5}$`)),
			attrIs("simcloud_network_interface.appliance", "private_dns_name", knownvalue.StringExact("ip-10-0-1-20.ec2.internal")),
			attrIs("simcloud_network_interface.appliance", "attachment", knownvalue.SetExact(nil)),
		),
		// Groups, description and the check change in place.
		resource.TestStep{
			Config: c.config(networkInterfaceConfig(`
  description       = "NAT"
  source_dest_check = false
  security_groups   = [simcloud_security_group.web.id]`)),
			ConfigPlanChecks: expectPlanAction("simcloud_network_interface.appliance", actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_network_interface.appliance", "source_dest_check", knownvalue.Bool(false)),
			},
		},
		importStep("simcloud_network_interface.appliance"),
		// The group and the subnet stay while the interface uses them.
		resource.TestStep{Config: c.config(networkInterfaceConfig(`security_groups = [simcloud_security_group.web.id]`))},
		resource.TestStep{
			PreConfig: func() {
				enis, err := c.client.FindNetworkInterfaces(context.Background(), cloud.NetworkInterfaceFilter{})
				if err != nil || len(enis) != 1 {
					t.Fatalf("interfaces: %v %v", enis, err)
				}
				if err := c.client.DeleteObject(context.Background(), enis[0].SecurityGroupIDs[0]); cloud.ErrorCode(err) != "DependencyViolation" {
					t.Errorf("deleting the interface's group: %v", err)
				}
				if err := c.client.DeleteSubnet(context.Background(), enis[0].SubnetID); cloud.ErrorCode(err) != "DependencyViolation" {
					t.Errorf("deleting the interface's subnet: %v", err)
				}
				if err := c.client.DeleteNetworkInterface(context.Background(), enis[0].ID); err != nil {
					t.Fatal(err)
				}
			},
			Config:           c.config(networkInterfaceConfig(`security_groups = [simcloud_security_group.web.id]`)),
			ConfigPlanChecks: expectPlanAction("simcloud_network_interface.appliance", actionCreate),
		},
	)
}

func TestAccNetworkInterface_planRefusals(t *testing.T) {
	c := newTestCloud(t)
	sixGroups := ""
	ids := ""
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		sixGroups += `
resource "simcloud_security_group" "` + n + `" {
  name   = "` + n + `"
  vpc_id = simcloud_vpc.main.id
}`
		ids += "simcloud_security_group." + n + ".id, "
	}
	net := instanceNet + sixGroups + `
resource "simcloud_subnet" "tiny" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.9.0/28"
}`
	unitTest(t,
		resource.TestStep{Config: c.config(net)},
		planFails(c.config(net+`
resource "simcloud_network_interface" "x" {
  subnet_id       = simcloud_subnet.public.id
  security_groups = [`+ids+`]
}`), "SecurityGroupsPerInterfaceLimitExceeded"),
		planFails(c.config(net+`
resource "simcloud_network_interface" "x" {
  subnet_id         = simcloud_subnet.tiny.id
  private_ips_count = 11
}`), "InsufficientFreeAddressesInSubnet"),
		planFails(c.config(net+`
resource "simcloud_network_interface" "x" {
  subnet_id      = simcloud_subnet.public.id
  interface_type = "fancy"
}`), "interface_type"),
		planFails(c.config(net+`
resource "simcloud_network_interface" "x" {
  subnet_id = simcloud_subnet.public.id
  attachment {
    instance     = "i-0123456789abcdef0"
    device_index = 1
  }
}`), "attachment blocks are not supported", "simcloud_network_interface_attachment"),
		resource.TestStep{Config: c.config(net)},
	)
}

func TestAccEIPAssociation_basic(t *testing.T) {
	c := newTestCloud(t)
	config := instanceNet + tfInstance("10.0.1.10") + `
resource "simcloud_eip" "web" { domain = "vpc" }
resource "simcloud_eip_association" "web" {
  allocation_id = simcloud_eip.web.id
  instance_id   = simcloud_instance.web.id
}
`
	withSecond := config + `
resource "simcloud_eip" "direct" {
  domain   = "vpc"
  instance = simcloud_instance.other.id
}
resource "simcloud_instance" "other" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = simcloud_subnet.public.id
}
`
	unitTest(t,
		createStep(c.config(config), "simcloud_eip_association.web", `^eipassoc-[0-9a-f]{17}$`,
			sameValue("simcloud_eip_association.web", "public_ip", "simcloud_eip.web", "public_ip"),
			attrIs("simcloud_eip_association.web", "private_ip_address", knownvalue.StringExact("10.0.1.10")),
			sameValue("simcloud_eip_association.web", "network_interface_id", "simcloud_instance.web", "primary_network_interface_id"),
		),
		// Refreshed, the address and the instance say so, and so does the
		// data source.
		resource.TestStep{
			Config: c.config(config + tfData("eip", "web", "id = simcloud_eip.web.id")),
			ConfigStateChecks: []statecheck.StateCheck{
				sameValue("simcloud_eip.web", "instance", "simcloud_instance.web", "id"),
				sameValue("simcloud_eip.web", "public_ip", "simcloud_instance.web", "public_ip"),
				attrIs("simcloud_eip.web", "private_ip", knownvalue.StringExact("10.0.1.10")),
				sameValue("data.simcloud_eip.web", "instance_id", "simcloud_instance.web", "id"),
				sameValue("data.simcloud_eip.web", "network_interface_id", "simcloud_instance.web", "primary_network_interface_id"),
				attrIs("data.simcloud_eip.web", "network_interface_owner_id", knownvalue.StringExact("123456789012")),
				attrIs("data.simcloud_eip.web", "private_ip", knownvalue.StringExact("10.0.1.10")),
				sameValue("data.simcloud_eip.web", "private_dns", "simcloud_eip.web", "private_dns"),
				sameValue("data.simcloud_eip.web", "public_dns", "simcloud_eip.web", "public_dns"),
				attrIs("data.simcloud_eip.web", "public_ipv4_pool", knownvalue.StringExact("amazon")),
				attrIs("data.simcloud_eip.web", "ptr_record", knownvalue.StringExact("")),
			},
		},
		importStep("simcloud_eip_association.web", "allow_reassociation"),
		createStep(c.config(withSecond), "simcloud_eip.direct", `^eipalloc-`,
			sameValue("simcloud_eip.direct", "instance", "simcloud_instance.other", "id"),
		),
		// Moved to another instance in place.
		resource.TestStep{
			Config: c.config(strings.Replace(withSecond, "instance = simcloud_instance.other.id", "instance = simcloud_instance.third.id", 1) + `
resource "simcloud_instance" "third" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = simcloud_subnet.public.id
}`),
			ConfigPlanChecks:  expectPlanAction("simcloud_eip.direct", actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{sameValue("simcloud_eip.direct", "instance", "simcloud_instance.third", "id")},
		},
		// A second association of the same address is refused at plan.
		planFails(c.config(withSecond+`
resource "simcloud_eip_association" "again" {
  allocation_id = simcloud_eip.web.id
  instance_id   = simcloud_instance.other.id
}`), "Resource.AlreadyAssociated"),
		// Disassociated behind Terraform's back: planned again.
		resource.TestStep{
			PreConfig: func() {
				eips, err := c.client.FindElasticIPs(context.Background(), cloud.ElasticIPFilter{})
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range eips {
					if e.InterfaceAssociationID != "" && e.InstanceID != "" {
						if err := c.client.DisassociateAddress(context.Background(), e.InterfaceAssociationID); err != nil {
							t.Fatal(err)
						}
						break
					}
				}
			},
			Config:   c.config(withSecond),
			PlanOnly: true, ExpectNonEmptyPlan: true,
		},
	)
}
