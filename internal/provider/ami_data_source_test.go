package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The lookups of AWS's tutorials: the newest Ubuntu amd64 server image of
// Canonical's, and the newest Amazon Linux 2023 x86_64 image of Amazon's.
const tutorialAMIs = `
data "simcloud_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd*/ubuntu-*-amd64-server-*"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

data "simcloud_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}
`

// TestAccAMIDataSource_tutorials: the tutorial filters find the images
// they expect, with the attributes of a public Linux EBS-backed AMI and
// IDs that are the catalogue's, stable for the region and name.
func TestAccAMIDataSource_tutorials(t *testing.T) {
	c := newTestCloud(t)
	ubuntu, al2023 := "data.simcloud_ami.ubuntu", "data.simcloud_ami.al2023"
	idOf := func(name string) string {
		for _, i := range cloud.Images("us-east-1") {
			if i.Name == name {
				return i.ID
			}
		}
		t.Fatalf("no image %s in the catalogue", name)
		return ""
	}
	ubuntuID := idOf("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241109")
	unitTest(t, resource.TestStep{Config: c.config(tutorialAMIs), ConfigStateChecks: []statecheck.StateCheck{
		attrIs(ubuntu, "id", knownvalue.StringExact(ubuntuID)),
		attrIs(ubuntu, "image_id", knownvalue.StringExact(ubuntuID)),
		attrIs(ubuntu, "name", knownvalue.StringExact("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241109")),
		attrIs(ubuntu, "owner_id", knownvalue.StringExact("099720109477")),
		attrIs(ubuntu, "image_owner_alias", knownvalue.StringExact("")),
		attrIs(ubuntu, "architecture", knownvalue.StringExact("x86_64")),
		attrIs(ubuntu, "root_device_name", knownvalue.StringExact("/dev/sda1")),
		attrIs(ubuntu, "root_device_type", knownvalue.StringExact("ebs")),
		attrIs(ubuntu, "virtualization_type", knownvalue.StringExact("hvm")),
		attrIs(ubuntu, "platform_details", knownvalue.StringExact("Linux/UNIX")),
		attrIs(ubuntu, "public", knownvalue.Bool(true)),
		attrIs(ubuntu, "state", knownvalue.StringExact("available")),
		attrIs(ubuntu, "arn", knownvalue.StringExact("arn:aws:ec2:us-east-1::image/"+ubuntuID)),
		attrIs(ubuntu, "block_device_mappings", knownvalue.SetExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"device_name": knownvalue.StringExact("/dev/sda1"),
			"ebs":         knownvalue.MapPartial(map[string]knownvalue.Check{"volume_type": knownvalue.StringExact("gp3"), "volume_size": knownvalue.StringExact("8")}),
		})})),
		attrIs(al2023, "name", knownvalue.StringExact("al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64")),
		attrIs(al2023, "owner_id", knownvalue.StringExact("137112412989")),
		attrIs(al2023, "image_owner_alias", knownvalue.StringExact("amazon")),
		attrIs(al2023, "root_device_name", knownvalue.StringExact("/dev/xvda")),
		attrIs(al2023, "image_id", matching(`^ami-[0-9a-f]{17}$`)),
	}})
}

// TestAccAMIDataSource_errors: several images without most_recent, none at
// all, and most_recent without owners fail as the AWS provider fails them;
// a bad owner or filter name fails at validate.
func TestAccAMIDataSource_errors(t *testing.T) {
	c := newTestCloud(t)
	ami := func(arguments ...string) string { return c.config(tfData("ami", "test", arguments...)) }
	ubuntuFilter := "filter {\n    name   = \"name\"\n    values = [\"ubuntu/images/hvm-ssd*/ubuntu-*-amd64-server-*\"]\n  }"
	unitTest(t,
		resource.TestStep{Config: ami(`owners = ["099720109477"]`, ubuntuFilter),
			ExpectError: expectError("Your query returned more than one result", "set `most_recent` attribute to true", "4 images match")},
		resource.TestStep{Config: ami(`owners = ["amazon"]`, ubuntuFilter),
			ExpectError: expectError("Your query returned no results", "Please change your search criteria")},
		resource.TestStep{Config: ami(`most_recent = true`, ubuntuFilter), ExpectError: expectError("Most Recent Image Not Filtered")},
		resource.TestStep{Config: ami(`owners = ["canonical"]`), ExpectError: expectError("InvalidUserID.Malformed")},
		resource.TestStep{Config: ami(`owners = ["amazon"]`, "filter {\n    name = \"image-name\"\n    values = [\"x\"]\n  }"), ExpectError: expectError("InvalidParameterValue", "image-name")},
		resource.TestStep{Config: ami(`owners = ["amazon"]`, `name_regex = "^al2023-ami-2023\\.6\\.20241031\\.0-kernel-6\\.1-arm64$"`),
			ConfigStateChecks: []statecheck.StateCheck{attrIs("data.simcloud_ami.test", "architecture", knownvalue.StringExact("arm64"))}},
	)
}

// TestAccAMIIDsDataSource: the IDs of the matching images, newest first
// unless sort_ascending; deprecated ones with include_deprecated; none
// matching is an empty list.
func TestAccAMIIDsDataSource(t *testing.T) {
	c := newTestCloud(t)
	ids := func(arguments ...string) string {
		return tfData("ami_ids", "test", append([]string{`owners = ["amazon"]`, "filter {\n    name   = \"name\"\n    values = [\"al2023-ami-2023.*-x86_64\"]\n  }"}, arguments...)...)
	}
	byName := map[string]string{}
	for _, i := range cloud.Images("us-east-1") {
		byName[i.Name] = i.ID
	}
	newest, middle, oldest := byName["al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64"], byName["al2023-ami-2023.6.20241031.0-kernel-6.1-x86_64"],
		byName["al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64"]
	list := func(values ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(values))
		for i, v := range values {
			checks[i] = knownvalue.StringExact(v)
		}
		return knownvalue.ListExact(checks)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(ids()), ConfigStateChecks: []statecheck.StateCheck{attrIs("data.simcloud_ami_ids.test", "ids", list(newest, middle))}},
		resource.TestStep{Config: c.config(ids(`sort_ascending = true`, `include_deprecated = true`)),
			ConfigStateChecks: []statecheck.StateCheck{attrIs("data.simcloud_ami_ids.test", "ids", list(oldest, middle, newest))}},
		resource.TestStep{Config: c.config(ids(`name_regex = "arm64"`)), ConfigStateChecks: []statecheck.StateCheck{attrIs("data.simcloud_ami_ids.test", "ids", list())}},
	)
}
