package provider

import (
	"crypto/sha1" //nolint:gosec // the hash the AWS provider gives of user data
	"encoding/base64"
	"encoding/hex"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccInstanceDataSources(t *testing.T) {
	c := newTestCloud(t)
	config := instanceConfig("t3.micro", `  tags = { Name = "web" }`)
	withData := config + `
data "simcloud_instance" "by_id" {
  instance_id   = simcloud_instance.web.id
  get_user_data = true
}
data "simcloud_instance" "by_filter" {
  filter {
    name   = "private-ip-address"
    values = ["10.0.1.10"]
  }
  filter {
    name   = "instance-state-name"
    values = ["running"]
  }
}
data "simcloud_instance" "by_tag" {
  instance_tags = { Name = "web" }
  filter {
    name   = "vpc-id"
    values = [simcloud_vpc.main.id]
  }
}
data "simcloud_instances" "running" {
  instance_tags        = { Name = "web" }
  instance_state_names = ["running", "pending"]
}
data "simcloud_instances" "stopped" {
  instance_state_names = ["stopped"]
}
data "simcloud_instances" "elsewhere" {
  filter {
    name   = "subnet-id"
    values = ["subnet-0123456789abcdef0"]
  }
}
`
	sum := sha1.Sum([]byte("#!/bin/sh\necho hello")) //nolint:gosec // see the import
	const byID = "data.simcloud_instance.by_id"
	unitTest(t,
		resource.TestStep{Config: c.config(config)},
		resource.TestStep{
			Config: c.config(withData),
			ConfigStateChecks: []statecheck.StateCheck{
				sameValue(byID, "id", "simcloud_instance.web", "id"),
				sameValue(byID, "network_interface_id", "simcloud_instance.web", "primary_network_interface_id"),
				sameValue(byID, "subnet_id", "simcloud_subnet.public", "id"),
				sameValue(byID, "public_ip", "simcloud_instance.web", "public_ip"),
				sameValue(byID, "public_dns", "simcloud_instance.web", "public_dns"),
				attrIs(byID, "private_ip", knownvalue.StringExact("10.0.1.10")),
				attrIs(byID, "private_dns", knownvalue.StringExact("ip-10-0-1-10.ec2.internal")),
				attrIs(byID, "instance_state", knownvalue.StringExact("running")),
				attrIs(byID, "instance_type", knownvalue.StringExact("t3.micro")),
				attrIs(byID, "ami", knownvalue.StringExact("ami-0123456789abcdef0")),
				attrIs(byID, "arn", matching(`:instance/i-[0-9a-f]{17}$`)),
				attrIs(byID, "security_groups", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("default")})),
				attrIs(byID, "vpc_security_group_ids", knownvalue.SetSizeExact(1)),
				attrIs(byID, "source_dest_check", knownvalue.Bool(true)),
				attrIs(byID, "user_data", knownvalue.StringExact(hex.EncodeToString(sum[:]))),
				attrIs(byID, "user_data_base64", knownvalue.StringExact(base64.StdEncoding.EncodeToString([]byte("#!/bin/sh\necho hello")))),
				attrIs(byID, "instance_tags", knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact("web")})),
				sameValue("data.simcloud_instance.by_filter", "id", "simcloud_instance.web", "id"),
				sameValue("data.simcloud_instance.by_tag", "id", "simcloud_instance.web", "id"),
				attrIs("data.simcloud_instance.by_filter", "user_data_base64", knownvalue.StringExact("")),
				attrIs("data.simcloud_instances.running", "ids", knownvalue.ListSizeExact(1)),
				attrIs("data.simcloud_instances.running", "private_ips", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("10.0.1.10")})),
				attrIs("data.simcloud_instances.running", "public_ips", knownvalue.ListSizeExact(1)),
				attrIs("data.simcloud_instances.stopped", "ids", knownvalue.ListSizeExact(0)),
				attrIs("data.simcloud_instances.elsewhere", "ids", knownvalue.ListSizeExact(0)),
			},
		},
		planFails(c.config(config+`
data "simcloud_instance" "x" {
  filter {
    name   = "instance-colour"
    values = ["blue"]
  }
}`), "instance-colour", "DescribeInstances"),
		planFails(c.config(config+`
data "simcloud_instance" "x" {
  instance_tags = { Name = "db" }
}`), "No matching instance found"),
		resource.TestStep{Config: c.config(config)},
	)
}
