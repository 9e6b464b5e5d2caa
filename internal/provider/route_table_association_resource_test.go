package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccRouteTableAssociation(t *testing.T) {
	c := newTestCloud(t)
	base := publicPrivate(routeToGateway) + otherVPC + tfRouteTable("other", "other") + tfRouteTable("spare", "main")
	withAssociation := func(subnet, table string) string {
		return c.config(base + tfAssociation("extra", subnet, table))
	}
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(withAssociation("private", "other"),
			"InvalidParameterValue: Route table rtb-", "and subnet subnet-", "belong to different networks", "route_table_id"),
		planFails(withAssociation("public", "spare"),
			"Resource.AlreadyAssociated: the specified association for route table rtb-", "conflicts with an existing association", "subnet_id"),
		planFails(c.config(base+tfAssociation("one", "private", "spare")+tfAssociation("two", "private", "public")),
			"Resource.AlreadyAssociated", "planned by another resource of this configuration"),
		resource.TestStep{Config: withAssociation("private", "spare")},
		// Another table for the same subnet replaces the association; its
		// own old association must not be counted against it at plan.
		actionStep(withAssociation("private", "public"), "simcloud_route_table_association.extra", actionReplace),
		resource.TestStep{Config: withAssociation("private", "public"),
			Check: func(*terraformState) error {
				if !c.subnetByCIDR(t, "10.0.2.0/24").IsPublic {
					t.Error("the private subnet, now on the public table, is not public")
				}
				return nil
			}},
		importFails("simcloud_route_table_association.extra", "subnet-0123456789abcdef0", "Invalid import ID", "expected SUBNET-ID/ROUTE-TABLE-ID"),
	)
}
