package provider

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

const oneVPC = `
resource "simcloud_vpc" "test" {
  cidr_block = "10.0.0.0/16"
}
`

func TestAccProvider_regionAndAccount(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t, resource.TestStep{
		Config: `
provider "simcloud" {
  database   = "` + c.path + `"
  region     = "eu-west-1"
  account_id = "210987654321"
}
` + oneVPC,
		ConfigStateChecks: []statecheck.StateCheck{
			expectVPCAttr("arn", matching(`^arn:aws:ec2:eu-west-1:210987654321:vpc/vpc-[0-9a-f]{17}$`)),
			expectVPCAttr("owner_id", knownvalue.StringExact("210987654321")),
		},
	})
}

func TestAccProvider_invalidSettings(t *testing.T) {
	c := newTestCloud(t)
	withSetting := func(setting string) string {
		return "provider \"simcloud\" {\n  database = \"" + c.path + "\"\n  " + setting + "\n}\n" + oneVPC
	}
	blocker := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	notADatabase := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notADatabase, []byte("these are not the tables you are looking for\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	unusable := func(location string, parts ...string) resource.TestStep {
		return resource.TestStep{
			Config:      "provider \"simcloud\" {\n  database = \"" + location + "\"\n}\n" + oneVPC,
			PlanOnly:    true,
			ExpectError: expectError(append([]string{"Cannot open the simulated cloud", "database"}, parts...)...),
		}
	}
	unitTest(t,
		resource.TestStep{
			Config:      withSetting(`region = "us-east-9"`),
			PlanOnly:    true,
			ExpectError: expectError(`"us-east-9" is not an AWS region`, `region = "us-east-9"`),
		},
		resource.TestStep{
			Config:      withSetting(`account_id = "1234"`),
			PlanOnly:    true,
			ExpectError: expectError(`"1234" is not 12 digits`, `account_id = "1234"`),
		},
		unusable(filepath.Join(blocker, "cloud.db"), blocker),
		// Read-only even for root: nothing can be created under /proc.
		unusable("/proc/simcloud-test/cloud.db", "/proc/simcloud-test"),
		unusable(notADatabase, "notes.txt"),
		resource.TestStep{
			Config: `
resource "terraform_data" "later" {
  input = "us-east-1"
}

provider "simcloud" {
  database = "` + c.path + `"
  region   = terraform_data.later.output
}
` + oneVPC,
			PlanOnly:    true,
			ExpectError: expectError("Unknown value for region"),
		},
		resource.TestStep{Config: c.config(oneVPC)},
	)
}

// TestAccProvider_regionFromEnvironment cannot run in parallel: it sets a
// variable that every test's provider reads.
func TestAccProvider_regionFromEnvironment(t *testing.T) {
	c := newTestCloud(t)
	t.Setenv(envRegion, "ap-southeast-2")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testFactories,
		Steps: []resource.TestStep{
			{
				Config: c.config(oneVPC),
				ConfigStateChecks: []statecheck.StateCheck{
					expectVPCAttr("arn", matching(`^arn:aws:ec2:ap-southeast-2:`)),
				},
			},
		},
	})
	t.Setenv(envRegion, "moon-1")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testFactories,
		Steps: []resource.TestStep{
			{Config: c.config(oneVPC), PlanOnly: true, ExpectError: expectError(`"moon-1" is not an AWS region`)},
		},
	})
}
