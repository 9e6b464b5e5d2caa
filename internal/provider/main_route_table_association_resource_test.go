package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const twoTables = `
resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_route_table" "a" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_route_table" "b" {
  vpc_id = simcloud_vpc.main.id
}
`

const otherVPC = `
resource "simcloud_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}
`

func TestAccMainRouteTableAssociation(t *testing.T) {
	c := newTestCloud(t)
	mainIs := func(table string) string {
		return c.config(twoTables + `
resource "simcloud_main_route_table_association" "test" {
  vpc_id         = simcloud_vpc.main.id
  route_table_id = simcloud_route_table.` + table + `.id
}`)
	}
	var original string
	unitTest(t,
		resource.TestStep{
			Config: c.config(twoTables),
			Check: func(*terraformState) error {
				original = c.onlyVPC(t).MainRouteTableID
				return nil
			},
		},
		resource.TestStep{Config: mainIs("a")},
		resource.TestStep{
			Config: mainIs("a"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs("simcloud_vpc.main", tfjsonpath.New("main_route_table_id"),
					"simcloud_route_table.a", tfjsonpath.New("id"), compare.ValuesSame()),
			},
		},
		// Imported by its VPC's ID: the same association and table. The
		// original table is not known to the cloud, so it is not compared.
		resource.TestStep{
			ResourceName: "simcloud_main_route_table_association.test", ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"original_route_table_id"},
			ImportStateIdFunc: func(s *terraformState) (string, error) {
				return s.RootModule().Resources["simcloud_vpc.main"].Primary.ID, nil
			},
		},
		resource.TestStep{
			ResourceName: "simcloud_main_route_table_association.test", ImportState: true,
			ImportStateId: "rtb-0123456789abcdef0",
			ExpectError:   regexp.MustCompile(`imported by the ID of its VPC`),
		},
		resource.TestStep{Config: mainIs("b"), Check: func(*terraformState) error {
			if got := c.onlyVPC(t).MainRouteTableID; got == original {
				t.Errorf("main table still %s", got)
			}
			return nil
		}},
		// Destroying the association makes the original table main again.
		resource.TestStep{Config: c.config(twoTables), Check: func(*terraformState) error {
			if got := c.onlyVPC(t).MainRouteTableID; got != original {
				t.Errorf("main table %s, want the original %s back", got, original)
			}
			return nil
		}},
		resource.TestStep{Config: c.config(twoTables + otherVPC)},
		resource.TestStep{
			Config: c.config(twoTables + otherVPC + `
resource "simcloud_main_route_table_association" "test" {
  vpc_id         = simcloud_vpc.other.id
  route_table_id = simcloud_route_table.a.id
}`),
			PlanOnly: true, ExpectError: expectError("InvalidParameterValue", "belong to different networks", "route_table_id"),
		},
		resource.TestStep{Config: c.config(twoTables)},
	)
}

func TestAccDefaultRouteTable(t *testing.T) {
	c := newTestCloud(t)
	adopt := func(routes string) string {
		return c.config(`
resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "a" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "simcloud_default_route_table" "main" {
  default_route_table_id = simcloud_vpc.main.default_route_table_id
  ` + routes + `
  tags = { Name = "main" }
}`)
	}
	unitTest(t,
		resource.TestStep{Config: adopt(routeToGateway)},
		resource.TestStep{Config: adopt(routeToGateway), ConfigStateChecks: []statecheck.StateCheck{isPublic("a", true)}},
		resource.TestStep{
			ResourceName: "simcloud_default_route_table.main", ImportState: true, ImportStateVerify: true,
			ImportStateIdFunc: func(s *terraformState) (string, error) {
				return s.RootModule().Resources["simcloud_vpc.main"].Primary.ID, nil
			},
		},
		// Leaving route out keeps the routes as they are.
		resource.TestStep{Config: adopt(``), ConfigStateChecks: []statecheck.StateCheck{isPublic("a", true)}},
		resource.TestStep{Config: adopt(`route = []`)},
		resource.TestStep{Config: adopt(`route = []`), ConfigStateChecks: []statecheck.StateCheck{isPublic("a", false)}},
	)
}
