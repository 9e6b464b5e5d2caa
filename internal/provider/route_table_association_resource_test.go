package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

func TestAccRouteTableAssociation(t *testing.T) {
	c := newTestCloud(t)
	base := publicPrivate(routeToGateway) + otherVPC + `
resource "simcloud_route_table" "other" {
  vpc_id = simcloud_vpc.other.id
}

resource "simcloud_route_table" "spare" {
  vpc_id = simcloud_vpc.main.id
}
`
	withAssociation := func(subnet, table string) string {
		return c.config(base + `
resource "simcloud_route_table_association" "extra" {
  subnet_id      = simcloud_subnet.` + subnet + `.id
  route_table_id = simcloud_route_table.` + table + `.id
}`)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		resource.TestStep{
			Config: withAssociation("private", "other"), PlanOnly: true,
			ExpectError: expectError("InvalidParameterValue: Route table rtb-", "and subnet subnet-", "belong to different networks", "route_table_id"),
		},
		resource.TestStep{
			Config: withAssociation("public", "spare"), PlanOnly: true,
			ExpectError: expectError("Resource.AlreadyAssociated: the specified association for route table rtb-", "conflicts with an existing association", "subnet_id"),
		},
		resource.TestStep{
			Config: c.config(base + `
resource "simcloud_route_table_association" "one" {
  subnet_id      = simcloud_subnet.private.id
  route_table_id = simcloud_route_table.spare.id
}

resource "simcloud_route_table_association" "two" {
  subnet_id      = simcloud_subnet.private.id
  route_table_id = simcloud_route_table.public.id
}`), PlanOnly: true,
			ExpectError: expectError("Resource.AlreadyAssociated", "planned by another resource of this configuration"),
		},
		resource.TestStep{Config: withAssociation("private", "spare")},
		// Another table for the same subnet replaces the association; its
		// own old association must not be counted against it at plan.
		resource.TestStep{
			Config: withAssociation("private", "public"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_route_table_association.extra", plancheck.ResourceActionDestroyBeforeCreate),
			}},
		},
		resource.TestStep{Config: withAssociation("private", "public"),
			Check: func(*terraformState) error {
				if !c.subnetByCIDR(t, "10.0.2.0/24").IsPublic {
					t.Error("the private subnet, now on the public table, is not public")
				}
				return nil
			}},
		resource.TestStep{
			ResourceName: "simcloud_route_table_association.extra", ImportState: true, ImportStateId: "subnet-0123456789abcdef0",
			ExpectError: expectError("Invalid import ID", "expected SUBNET-ID/ROUTE-TABLE-ID"),
		},
	)
}
