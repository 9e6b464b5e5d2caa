package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// instanceNet is a VPC with DNS hostnames, a public subnet behind an
// internet gateway and a security group.
const instanceNet = `
resource "simcloud_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}
resource "simcloud_internet_gateway" "main" { vpc_id = simcloud_vpc.main.id }
resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
resource "simcloud_security_group" "web" {
  name   = "web"
  vpc_id = simcloud_vpc.main.id
}
`

func instanceConfig(instanceType, extra string) string {
	return instanceNet + `
resource "simcloud_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "` + instanceType + `"
  subnet_id     = simcloud_subnet.public.id
  private_ip    = "10.0.1.10"
  user_data     = "#!/bin/sh\necho hello"
` + extra + `
}
`
}

func TestAccInstance_basic(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		createStep(c.config(instanceConfig("t3.micro", `tags = { Name = "web" }`)), "simcloud_instance.web", `^i-[0-9a-f]{17}$`,
			attrIs("simcloud_instance.web", "private_ip", knownvalue.StringExact("10.0.1.10")),
			attrIs("simcloud_instance.web", "private_dns", knownvalue.StringExact("ip-10-0-1-10.ec2.internal")),
			attrIs("simcloud_instance.web", "public_ip", matching(`^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$`)),
			attrIs("simcloud_instance.web", "public_dns", matching(`^ec2-.*\.compute-1\.amazonaws\.com$`)),
			attrIs("simcloud_instance.web", "associate_public_ip_address", knownvalue.Bool(true)),
			attrIs("simcloud_instance.web", "instance_state", knownvalue.StringExact("running")),
			attrIs("simcloud_instance.web", "primary_network_interface_id", matching(`^eni-[0-9a-f]{17}$`)),
			attrIs("simcloud_instance.web", "security_groups", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("default")})),
			attrIs("simcloud_instance.web", "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:instance/i-`)),
		),
		// Groups, source/destination check, type and tags change in place.
		resource.TestStep{
			Config: c.config(instanceConfig("t3.small", `
  vpc_security_group_ids = [simcloud_security_group.web.id]
  source_dest_check      = false
  tags                   = { Name = "web2" }`)),
			ConfigPlanChecks: expectPlanAction("simcloud_instance.web", actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_instance.web", "security_groups", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("web")})),
				attrIs("simcloud_instance.web", "source_dest_check", knownvalue.Bool(false)),
			},
		},
		importStep("simcloud_instance.web", "user_data_replace_on_change"),
		// A new address replaces the instance.
		resource.TestStep{
			Config:           c.config(instanceNet + tfInstance("10.0.1.11")),
			ConfigPlanChecks: expectPlanAction("simcloud_instance.web", actionReplace),
		},
		// Terminated behind Terraform's back: planned for creation again.
		resource.TestStep{
			PreConfig: func() {
				instances, err := c.client.FindInstances(context.Background(), cloud.InstanceFilter{})
				if err != nil || len(instances) != 1 {
					t.Fatalf("instances: %v %v", instances, err)
				}
				if err := c.client.TerminateInstance(context.Background(), instances[0].ID); err != nil {
					t.Fatal(err)
				}
			},
			Config:           c.config(instanceNet + tfInstance("10.0.1.11")),
			ConfigPlanChecks: expectPlanAction("simcloud_instance.web", actionCreate),
		},
	)
}

func tfInstance(privateIP string) string {
	return `
resource "simcloud_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = simcloud_subnet.public.id
  private_ip    = "` + privateIP + `"
}
`
}

func TestAccInstance_planRefusals(t *testing.T) {
	c := newTestCloud(t)
	net := instanceNet + `
resource "simcloud_vpc" "other" { cidr_block = "10.1.0.0/16" }
resource "simcloud_security_group" "elsewhere" {
  name   = "elsewhere"
  vpc_id = simcloud_vpc.other.id
}
`
	twoAtOnce := net + tfInstance("10.0.1.10") + `
resource "simcloud_network_interface" "spare" {
  subnet_id  = simcloud_subnet.public.id
  private_ip = "10.0.1.10"
}
`
	unitTest(t,
		// The network first, so that the subnet is known at plan.
		resource.TestStep{Config: c.config(net)},
		planFails(c.config(net+`
resource "simcloud_instance" "web" {
  ami           = "ami-12345"
  instance_type = "t3.micro"
  subnet_id     = simcloud_subnet.public.id
}`), "InvalidAMIID.Malformed"),
		planFails(c.config(net+`
resource "simcloud_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.enormous"
  subnet_id     = simcloud_subnet.public.id
}`), "InvalidParameterValue", "t3.enormous"),
		planFails(c.config(net+tfInstance("10.0.2.10")), "InvalidParameterValue", "does not fall within the subnet's address range"),
		planFails(c.config(net+tfInstance("10.0.1.3")), "InvalidParameterValue", "reserved address range"),
		planFails(c.config(twoAtOnce), "InvalidIPAddress.InUse", "10.0.1.10"),
		planFails(c.config(net+`
resource "simcloud_instance" "web" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = simcloud_subnet.public.id
  vpc_security_group_ids = [simcloud_security_group.elsewhere.id]
}`), "InvalidParameter", "belong to different networks"),
		planFails(c.config(net+`
resource "simcloud_instance" "web" {
  ami                = "ami-0123456789abcdef0"
  instance_type      = "t3.micro"
  subnet_id          = simcloud_subnet.public.id
  ipv6_address_count = 1
}`), "InvalidParameterValue", "has no IPv6 CIDR block"),
		planFails(c.config(net+`
resource "simcloud_instance" "web" {
  ami              = "ami-0123456789abcdef0"
  instance_type    = "t3.micro"
  subnet_id        = simcloud_subnet.public.id
  user_data        = "x"
  user_data_base64 = "eA=="
}`), "InvalidParameterCombination", "user_data and user_data_base64"),
		resource.TestStep{Config: c.config(net)},
	)
}

// TestAccInstance_defaultVPC: without subnet_id, an instance launches in
// the default VPC's subnet of the zone asked for, public as default subnets
// are, and plans no change after.
func TestAccInstance_defaultVPC(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(`
resource "simcloud_instance" "default" {
  ami               = "ami-0123456789abcdef0"
  instance_type     = "t3.micro"
  availability_zone = "us-east-1b"
  security_groups   = ["default"]
}
`)
	unitTest(t,
		createStep(config, "simcloud_instance.default", `^i-`,
			attrIs("simcloud_instance.default", "private_ip", matching(`^172\.31\.16\.\d+$`)),
			attrIs("simcloud_instance.default", "associate_public_ip_address", knownvalue.Bool(true)),
			attrIs("simcloud_instance.default", "subnet_id", matching(`^subnet-`)),
		),
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		importStep("simcloud_instance.default", "user_data_replace_on_change"),
	)
}

// TestAccInstance_keyPair: an instance launched with a key pair that the
// same configuration imports plans and applies; a name the region does
// not have fails at plan, naming key_name.
func TestAccInstance_keyPair(t *testing.T) {
	c := newTestCloud(t)
	keyPair := `
resource "simcloud_key_pair" "deployer" {
  key_name   = "deployer"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGwTrxJRW6lp7CXueaqmMn3IoairrTE0zBTairrCAr+ test@simcloud"
}
`
	unitTest(t,
		planFails(c.config(instanceConfig("t3.micro", `key_name = "deployer"`)), "InvalidKeyPair.NotFound", "key_name"),
		createStep(c.config(keyPair+instanceConfig("t3.micro", `key_name = simcloud_key_pair.deployer.key_name`)), "simcloud_instance.web", `^i-[0-9a-f]{17}$`,
			attrIs("simcloud_instance.web", "key_name", knownvalue.StringExact("deployer"))),
	)
}
