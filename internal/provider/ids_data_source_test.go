package provider

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// tfFilter is a filter block of a data source.
func tfFilter(name string, values ...string) string {
	return fmt.Sprintf("filter {\n    name   = %q\n    values = [%s]\n  }", name, strings.Join(values, ", "))
}

func quoted(s string) string { return strconv.Quote(s) }

// idsAre checks that the ids of the listing at address are the IDs of the
// resources at want, in the order of their IDs; none for an empty list.
func idsAre(address string, want ...string) resource.TestCheckFunc {
	return idsAreOf(nil, address, want...)
}

// ownIDsAre is idsAre for a listing that may hold the objects AWS made with
// the default VPC of the client's region, which it leaves out (see
// storetest.Own).
func ownIDsAre(t *testing.T, c *cloud.Client, address string, want ...string) resource.TestCheckFunc {
	return idsAreOf(func(ids []string) []string { return storetest.OwnIDs(t, c, ids) }, address, want...)
}

// idsAreOf is idsAre for the listed IDs that keep, when not nil, keeps.
func idsAreOf(keep func([]string) []string, address string, want ...string) resource.TestCheckFunc {
	return func(s *terraformState) error {
		resources := s.RootModule().Resources
		var wantIDs []string
		for _, w := range want {
			wantIDs = append(wantIDs, resources[w].Primary.ID)
		}
		slices.Sort(wantIDs)
		got := listedIDs(s, address)
		if keep != nil {
			got = keep(got)
		}
		if len(got) != len(wantIDs) || !slices.Equal(got, wantIDs) {
			return fmt.Errorf("%s lists %v (of %v), want %v (%s)", address, got, listedIDs(s, address), wantIDs, strings.Join(want, ", "))
		}
		return nil
	}
}

// listedIDs are the ids of the listing at address.
func listedIDs(s *terraformState, address string) []string {
	attributes := s.RootModule().Resources[address].Primary.Attributes
	var got []string
	n, _ := strconv.Atoi(attributes["ids.#"])
	for i := range n {
		got = append(got, attributes["ids."+strconv.Itoa(i)])
	}
	return got
}

// defaultIDsAre checks that the listing at address lists the objects of
// type T that AWS made with the default VPC of the client's region, and
// nothing else.
func defaultIDsAre[T cloud.Row, F cloud.Filter](c *cloud.Client, address string, filter F) resource.TestCheckFunc {
	return func(s *terraformState) error {
		all, err := cloud.Find[T](c, context.Background(), filter)
		if err != nil {
			return err
		}
		parts, err := c.DefaultVPCParts(context.Background())
		if err != nil {
			return err
		}
		var want []string
		for _, o := range all {
			if id := storetest.ObjectID(o); parts[id] {
				want = append(want, id)
			}
		}
		slices.Sort(want)
		if got := listedIDs(s, address); len(want) == 0 || !slices.Equal(got, want) {
			return fmt.Errorf("%s lists %v, want the default VPC's %v", address, got, want)
		}
		return nil
	}
}

// listingNet is two VPCs: prod (10.0.0.0/16) with two subnets and a table
// routed to its internet gateway, and dev (10.1.0.0/16) with one subnet.
var listingNet = tfVPC("prod", "10.0.0.0/16", `tags = { Env = "prod" }`) + tfVPC("dev", "10.1.0.0/16", `tags = { Env = "dev" }`) +
	tfSubnet("web", "prod", "10.0.1.0/24", `availability_zone = "us-east-1a"`, `tags = { Tier = "web" }`) +
	tfSubnet("app", "prod", "10.0.2.0/24", `availability_zone = "us-east-1b"`) +
	tfSubnet("dev", "dev", "10.1.1.0/24", `availability_zone = "us-east-1a"`) +
	tfGateway("prod", "prod") +
	tfRouteTable("public", "prod", tfInlineRoute(`cidr_block = "0.0.0.0/0"`, "gateway_id = "+tfID("internet_gateway", "prod")), `tags = { Tier = "web" }`) +
	tfAssociation("web", "web", "public")

// listing is a data source that reads once the network is made.
func listing(kind, name string, arguments ...string) string {
	return tfData(kind, name, append(arguments, "depends_on = [simcloud_route_table_association.web]")...)
}

// TestAccListings: simcloud_vpcs, simcloud_subnets and simcloud_route_tables
// keep what AWS's filters and tags keep, and list nothing, without an
// error, when nothing matches.
func TestAccListings(t *testing.T) {
	c := newTestCloud(t)
	lists := listing("vpcs", "prod", tfFilter("tag:Env", quoted("prod"))) +
		listing("vpcs", "ten", tfFilter("cidr", quoted("10.*"))) +
		listing("vpcs", "none", `tags = { Env = "test" }`) +
		listing("vpcs", "default", tfFilter("is-default", quoted("true"))) +
		listing("subnets", "prod_a", tfFilter("vpc-id", tfID("vpc", "prod")), tfFilter("availability-zone", quoted("us-east-1a"))) +
		listing("subnets", "blocks", tfFilter("cidr-block", quoted("10.0.2.0/24"), quoted("10.1.1.0/24"))) +
		listing("subnets", "zone_id", tfFilter("availability-zone-id", quoted("use1-az1"))) +
		listing("subnets", "web", `tags = { Tier = "web" }`) +
		listing("subnets", "west", `region = "us-west-2"`) +
		listing("subnets", "default", tfFilter("default-for-az", quoted("true"))) +
		listing("route_tables", "main", "vpc_id = "+tfID("vpc", "prod"), tfFilter("association.main", quoted("true"))) +
		listing("route_tables", "to_gateway", tfFilter("route.gateway-id", tfID("internet_gateway", "prod"))) +
		listing("route_tables", "serving_web", tfFilter("association.subnet-id", tfID("subnet", "web"))) +
		listing("route_tables", "dev", "vpc_id = "+tfID("vpc", "dev")) +
		listing("network_acls", "default", "vpc_id = "+tfID("vpc", "dev"), tfFilter("default", quoted("true"))) +
		listing("network_acls", "serving_web", tfFilter("association.subnet-id", tfID("subnet", "web")))
	unitTest(t,
		resource.TestStep{Config: c.config(listingNet)},
		resource.TestStep{
			Config: c.config(listingNet + lists),
			Check: resource.ComposeAggregateTestCheckFunc(
				idsAre("data.simcloud_vpcs.prod", "simcloud_vpc.prod"),
				idsAre("data.simcloud_vpcs.ten", "simcloud_vpc.prod", "simcloud_vpc.dev"),
				idsAre("data.simcloud_vpcs.none"),
				defaultIDsAre[cloud.VPC](c.client, "data.simcloud_vpcs.default", cloud.VPCFilter{}),
				resource.TestCheckResourceAttr("data.simcloud_vpcs.none", "id", "us-east-1"),
				idsAre("data.simcloud_subnets.prod_a", "simcloud_subnet.web"),
				idsAre("data.simcloud_subnets.blocks", "simcloud_subnet.app", "simcloud_subnet.dev"),
				ownIDsAre(t, c.client, "data.simcloud_subnets.zone_id", "simcloud_subnet.web", "simcloud_subnet.dev"),
				idsAre("data.simcloud_subnets.web", "simcloud_subnet.web"),
				ownIDsAre(t, c.inRegion(t, "us-west-2"), "data.simcloud_subnets.west"),
				resource.TestCheckResourceAttr("data.simcloud_subnets.west", "id", "us-west-2"),
				defaultIDsAre[cloud.Subnet](c.client, "data.simcloud_subnets.default", cloud.SubnetFilter{}),
				resource.TestCheckResourceAttrPair("data.simcloud_route_tables.main", "ids.0", "simcloud_vpc.prod", "main_route_table_id"),
				resource.TestCheckResourceAttr("data.simcloud_route_tables.main", "ids.#", "1"),
				idsAre("data.simcloud_route_tables.to_gateway", "simcloud_route_table.public"),
				idsAre("data.simcloud_route_tables.serving_web", "simcloud_route_table.public"),
				resource.TestCheckResourceAttrPair("data.simcloud_route_tables.dev", "ids.0", "simcloud_vpc.dev", "main_route_table_id"),
				resource.TestCheckResourceAttr("data.simcloud_route_tables.dev", "ids.#", "1"),
				resource.TestCheckResourceAttrPair("data.simcloud_network_acls.default", "ids.0", "simcloud_vpc.dev", "default_network_acl_id"),
				resource.TestCheckResourceAttr("data.simcloud_network_acls.default", "ids.#", "1"),
				resource.TestCheckResourceAttrPair("data.simcloud_network_acls.serving_web", "ids.0", "simcloud_vpc.prod", "default_network_acl_id"),
			),
		},
		// A filter the cloud cannot answer is refused when Terraform
		// validates, naming the filter and the block.
		planFails(c.config(listingNet+listing("subnets", "bad", tfFilter("subnet", quoted("x")))),
			"InvalidParameterValue: The filter 'subnet' is invalid", "data.simcloud_subnets.bad", "filter of DescribeSubnets", "vpc-id"),
		planFails(c.config(listingNet+listing("route_tables", "bad", tfFilter("tag:", quoted("x")))), "The filter 'tag:' is invalid"),
		planFails(c.config(listingNet+listing("vpcs", "bad", `region = "moon-1"`)), `"moon-1" is not an AWS region`, "region"),
		// The last configuration is the one destroyed.
		resource.TestStep{Config: c.config(listingNet)},
	)
}

// inRegion is an engine client on the test's cloud in another region.
func (c *testCloud) inRegion(t *testing.T, region string) *cloud.Client {
	t.Helper()
	regional, err := c.client.InRegion(region)
	if err != nil {
		t.Fatal(err)
	}
	return regional
}
