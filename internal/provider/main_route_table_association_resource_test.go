package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

var twoTables = tfVPC("main", "10.0.0.0/16") + tfRouteTable("a", "main") + tfRouteTable("b", "main")

func TestAccMainRouteTableAssociation(t *testing.T) {
	c := newTestCloud(t)
	association := func(vpc, table string) string {
		return tfResource("main_route_table_association", "test", "vpc_id = "+tfID("vpc", vpc), "route_table_id = "+tfID("route_table", table))
	}
	mainIs := func(table string) string { return c.config(twoTables + association("main", table)) }
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
				sameValue("simcloud_vpc.main", "main_route_table_id", "simcloud_route_table.a", "id"),
			},
		},
		// Imported by its VPC's ID: the same association and table. The
		// original table is not known to the cloud, so it is not compared.
		importStepBy("simcloud_main_route_table_association.test", idOf("simcloud_vpc.main"), "original_route_table_id"),
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
		planFails(c.config(twoTables+otherVPC+association("other", "a")), "InvalidParameterValue", "belong to different networks", "route_table_id"),
		resource.TestStep{Config: c.config(twoTables)},
	)
}

func TestAccDefaultRouteTable(t *testing.T) {
	c := newTestCloud(t)
	adopt := func(routes string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfGateway("main", "main") + tfSubnet("a", "main", "10.0.1.0/24") +
			tfResource("default_route_table", "main", "default_route_table_id = simcloud_vpc.main.default_route_table_id", routes, `tags = { Name = "main" }`))
	}
	unitTest(t,
		resource.TestStep{Config: adopt(routeToGateway)},
		resource.TestStep{Config: adopt(routeToGateway), ConfigStateChecks: []statecheck.StateCheck{isPublic("a", true)}},
		// Imported, the keys the route block leaves out read "", as the AWS
		// provider reads them; the next plan takes the block's form.
		importStepBy("simcloud_default_route_table.main", idOf("simcloud_vpc.main"), unsetRouteKeys(defaultRouteTargetKeys)...),
		// Leaving route out keeps the routes as they are.
		resource.TestStep{Config: adopt(``), ConfigStateChecks: []statecheck.StateCheck{isPublic("a", true)}},
		resource.TestStep{Config: adopt(`route = []`)},
		resource.TestStep{Config: adopt(`route = []`), ConfigStateChecks: []statecheck.StateCheck{isPublic("a", false)}},
	)
}
