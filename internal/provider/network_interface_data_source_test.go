package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccNetworkInterfaceDataSources(t *testing.T) {
	c := newTestCloud(t)
	config := instanceNet + tfInstance("10.0.1.10") + `
resource "simcloud_network_interface" "spare" {
  subnet_id  = simcloud_subnet.public.id
  private_ip = "10.0.1.20"
  tags       = { Name = "spare" }
}
` + spareAttachment
	withData := config + `
data "simcloud_network_interface" "by_id" {
  id = simcloud_network_interface.spare.id
}
data "simcloud_network_interface" "by_filter" {
  filter {
    name   = "attachment.instance-id"
    values = [simcloud_instance.web.id]
  }
  filter {
    name   = "attachment.device-index"
    values = ["0"]
  }
}
data "simcloud_network_interfaces" "in_subnet" {
  filter {
    name   = "subnet-id"
    values = [simcloud_subnet.public.id]
  }
}
data "simcloud_network_interfaces" "tagged" {
  tags = { Name = "spare" }
}
data "simcloud_network_interfaces" "by_address" {
  filter {
    name   = "private-ip-address"
    values = ["10.0.1.2*"]
  }
  filter {
    name   = "status"
    values = ["in-use"]
  }
}
`
	const byID = "data.simcloud_network_interface.by_id"
	unitTest(t,
		resource.TestStep{Config: c.config(config)},
		resource.TestStep{
			Config: c.config(withData),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(byID, "private_ip", knownvalue.StringExact("10.0.1.20")),
				attrIs(byID, "private_ips", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("10.0.1.20")})),
				attrIs(byID, "private_dns_name", knownvalue.StringExact("ip-10-0-1-20.ec2.internal")),
				attrIs(byID, "interface_type", knownvalue.StringExact("interface")),
				attrIs(byID, "association", knownvalue.ListSizeExact(0)),
				attrIs(byID, "attachment", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"attachment_id": matching(`^eni-attach-`), "device_index": knownvalue.Int64Exact(1), "instance_id": matching(`^i-`),
					"instance_owner_id": knownvalue.StringExact("123456789012"), "network_card_index": knownvalue.Int64Exact(0)})})),
				attrIs(byID, "tags", knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact("spare")})),
				sameValue(byID, "vpc_id", "simcloud_vpc.main", "id"),
				sameValue("data.simcloud_network_interface.by_filter", "id", "simcloud_instance.web", "primary_network_interface_id"),
				attrIs("data.simcloud_network_interface.by_filter", "association", knownvalue.ListSizeExact(1)),
				attrIs("data.simcloud_network_interfaces.in_subnet", "ids", knownvalue.ListSizeExact(2)),
				attrIs("data.simcloud_network_interfaces.tagged", "ids", knownvalue.ListSizeExact(1)),
				attrIs("data.simcloud_network_interfaces.by_address", "ids", knownvalue.ListSizeExact(1)),
			},
		},
		planFails(c.config(config+`
data "simcloud_network_interface" "x" {
  filter {
    name   = "subnet-id"
    values = [simcloud_subnet.public.id]
  }
}`), "2 network interfaces match"),
		planFails(c.config(config+`
data "simcloud_network_interfaces" "x" {
  filter {
    name   = "colour"
    values = ["blue"]
  }
}`), "colour", "DescribeNetworkInterfaces"),
		resource.TestStep{Config: c.config(config)},
	)
}
