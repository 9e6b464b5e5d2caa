package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const (
	endpointAddress = "simcloud_vpc_endpoint.test"
	s3PrefixList    = "pl-63a5400a"
)

func tfEndpoint(arguments ...string) string { return tfResource("vpc_endpoint", "test", arguments...) }

// endpointRoutes are the tables of the test's cloud that route S3's prefix
// list, by the Name tag of each, to the target.
func (c *testCloud) endpointRoutes(t *testing.T) map[string]string {
	t.Helper()
	tables, err := c.client.FindRouteTables(context.Background(), cloud.RouteTableFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, table := range tables {
		for _, r := range table.Routes {
			if r.Destination == s3PrefixList {
				out[table.Tags["Name"]] = r.Target
			}
		}
	}
	return out
}

func (c *testCloud) expectEndpointRoutes(t *testing.T, names ...string) resource.TestCheckFunc {
	return func(*terraformState) error {
		got := c.endpointRoutes(t)
		var tables []string
		for name := range got {
			tables = append(tables, name)
		}
		slices.Sort(tables)
		if !slices.Equal(tables, names) {
			return fmt.Errorf("tables with a route to %s: %v, want %v", s3PrefixList, tables, names)
		}
		return nil
	}
}

// TestAccVPCEndpoint_gateway: a Gateway endpoint's routes appear in its
// tables, move with route_table_ids in place, and never show as drift in a
// table whose routes are managed inline.
func TestAccVPCEndpoint_gateway(t *testing.T) {
	c := newTestCloud(t)
	network := vpcsAB + tfRouteTable("one", "a", `tags = { Name = "one" }`) + tfRouteTable("two", "a", `tags = { Name = "two" }`, "route = []") +
		tfData("vpc_endpoint_service", "s3", `service = "s3"`, `service_type = "Gateway"`)
	endpoint := func(tables ...string) string {
		ids := make([]string, len(tables))
		for i, table := range tables {
			ids[i] = tfID("route_table", table)
		}
		return c.config(network + tfEndpoint("vpc_id = "+tfID("vpc", "a"), "service_name = data.simcloud_vpc_endpoint_service.s3.service_name",
			"route_table_ids = ["+strings.Join(ids, ", ")+"]"))
	}
	unitTest(t,
		withCheck(createStep(endpoint("one", "two"), endpointAddress, `^vpce-[0-9a-f]{17}$`,
			attrIs(endpointAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/vpce-[0-9a-f]{17}$`)),
			attrIs(endpointAddress, "vpc_endpoint_type", knownvalue.StringExact("Gateway")),
			attrIs(endpointAddress, "service_name", knownvalue.StringExact("com.amazonaws.us-east-1.s3")),
			attrIs(endpointAddress, "prefix_list_id", knownvalue.StringExact(s3PrefixList)),
			attrIs(endpointAddress, "state", knownvalue.StringExact("available")),
			attrIs(endpointAddress, "ip_address_type", knownvalue.StringExact("ipv4")),
			attrIs(endpointAddress, "private_dns_enabled", knownvalue.Bool(false)),
			attrIs(endpointAddress, "service_region", knownvalue.StringExact("us-east-1")),
			attrIs(endpointAddress, "policy", knownvalue.StringExact(cloud.DefaultEndpointPolicy)),
			attrIs(endpointAddress, "network_interface_ids", knownvalue.SetSizeExact(0)),
			attrIs(endpointAddress, "dns_entry", knownvalue.ListSizeExact(0)),
			attrIs("simcloud_route_table.two", "route", knownvalue.SetSizeExact(0)),
		), c.expectEndpointRoutes(t, "one", "two")),
		resource.TestStep{Config: endpoint("one", "two"), ConfigPlanChecks: expectEmptyPlan},
		importStep(endpointAddress),
		// route_table_ids changes in place, and the routes follow.
		withCheck(resource.TestStep{Config: endpoint("two"), ConfigPlanChecks: expectPlanAction(endpointAddress, actionUpdate)},
			c.expectEndpointRoutes(t, "two")),
		resource.TestStep{Config: endpoint("two"), ConfigPlanChecks: expectEmptyPlan},
		// A table added behind Terraform's back is taken out again.
		driftStep(t, func() error {
			e := onlyOne[cloud.VPCEndpoint](t, c, "VPC endpoint", cloud.VPCEndpointFilter{})
			in := cloud.VPCEndpointInput{Type: e.Type, RouteTableIDs: append(slices.Clone(e.RouteTableIDs), c.tableNamed(t, "one"))}
			_, err := c.client.ModifyVPCEndpoint(context.Background(), e.ID, in)
			return err
		}, endpoint("two"), endpointAddress, actionUpdate),
		withCheck(resource.TestStep{Config: endpoint("two")}, c.expectEndpointRoutes(t, "two")),
		// Deleted behind Terraform's back: made again.
		driftStep(t, func() error {
			return c.client.DeleteObject(context.Background(), onlyOne[cloud.VPCEndpoint](t, c, "VPC endpoint", cloud.VPCEndpointFilter{}).ID)
		}, endpoint("two"), endpointAddress, actionCreate),
		// Destroyed with its routes.
		withCheck(resource.TestStep{Config: c.config(network)}, c.expectEndpointRoutes(t)),
	)
}

// tableNamed returns the ID of the route table with that Name tag.
func (c *testCloud) tableNamed(t *testing.T, name string) string {
	t.Helper()
	return onlyOne[cloud.RouteTable](t, c, "route table", cloud.RouteTableFilter{Tags: map[string]string{"Name": name}}).ID
}

var interfaceNetwork = tfVPC("main", "10.0.0.0/16", "enable_dns_hostnames = true") + tfVPC("other", "10.1.0.0/16") +
	tfSubnet("a", "main", "10.0.1.0/24", `availability_zone = "us-east-1a"`) +
	tfSubnet("b", "main", "10.0.2.0/24", `availability_zone = "us-east-1b"`) +
	tfSubnet("a2", "main", "10.0.3.0/24", `availability_zone = "us-east-1a"`) +
	tfRouteTable("other", "other")

func TestAccVPCEndpoint_interface(t *testing.T) {
	c := newTestCloud(t)
	endpoint := func(subnets string, arguments ...string) string {
		return c.config(interfaceNetwork + tfEndpoint(append([]string{"vpc_id = " + tfID("vpc", "main"),
			`service_name = "com.amazonaws.us-east-1.ecs"`, `vpc_endpoint_type = "Interface"`, "subnet_ids = " + subnets}, arguments...)...))
	}
	both := "[" + tfID("subnet", "a") + ", " + tfID("subnet", "b") + "]"
	configured := []string{"private_dns_enabled = true",
		"subnet_configuration {\n    subnet_id = " + tfID("subnet", "a") + "\n    ipv4 = cidrhost(simcloud_subnet.a.cidr_block, 10)\n  }",
		"dns_options {\n    private_dns_only_for_inbound_resolver_endpoint = false\n  }"}
	unitTest(t,
		withCheck(createStep(endpoint(both, configured...), endpointAddress, `^vpce-[0-9a-f]{17}$`,
			attrIs(endpointAddress, "subnet_ids", knownvalue.SetSizeExact(2)),
			attrIs(endpointAddress, "security_group_ids", knownvalue.SetSizeExact(1)),
			attrIs(endpointAddress, "route_table_ids", knownvalue.SetSizeExact(0)),
			attrIs(endpointAddress, "network_interface_ids", knownvalue.SetSizeExact(0)),
			attrIs(endpointAddress, "dns_entry", knownvalue.ListSizeExact(4)),
			attrIs(endpointAddress, "dns_entry", knownvalue.ListPartial(map[int]knownvalue.Check{
				0: knownvalue.ObjectPartial(map[string]knownvalue.Check{"dns_name": matching(`^vpce-[0-9a-f]{17}-[0-9a-f]{8}\.ecs\.us-east-1\.vpce\.amazonaws\.com$`)}),
				3: knownvalue.ObjectPartial(map[string]knownvalue.Check{"dns_name": knownvalue.StringExact("ecs.us-east-1.amazonaws.com")}),
			})),
			attrIs(endpointAddress, "dns_options", knownvalue.ListSizeExact(1)),
			attrIs(endpointAddress, "subnet_configuration", knownvalue.SetExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"ipv4": knownvalue.StringExact("10.0.1.10")})})),
		), func(*terraformState) error {
			// Without security groups, the VPC's default one, as in AWS.
			e := onlyOne[cloud.VPCEndpoint](t, c, "VPC endpoint", cloud.VPCEndpointFilter{})
			if vpc := c.vpcByCIDR(t, "10.0.0.0/16"); !slices.Equal(e.SecurityGroupIDs, []string{vpc.DefaultSecurityGroupID}) {
				return fmt.Errorf("security groups %v, want the default group %s", e.SecurityGroupIDs, vpc.DefaultSecurityGroupID)
			}
			return nil
		}),
		resource.TestStep{Config: endpoint(both, configured...), ConfigPlanChecks: expectEmptyPlan},
		importStep(endpointAddress, "dns_options.#", "dns_options.0.%", "dns_options.0.dns_record_ip_type", "dns_options.0.private_dns_only_for_inbound_resolver_endpoint"),
		// Subnets and private DNS change in place.
		resource.TestStep{
			Config:            endpoint("["+tfID("subnet", "b")+"]", "private_dns_enabled = false"),
			ConfigPlanChecks:  expectPlanAction(endpointAddress, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{attrIs(endpointAddress, "dns_entry", knownvalue.ListSizeExact(2))},
		},
		resource.TestStep{Config: endpoint("["+tfID("subnet", "b")+"]", "private_dns_enabled = false"), ConfigPlanChecks: expectEmptyPlan},
		// Another service replaces the endpoint.
		actionStep(c.config(interfaceNetwork+tfEndpoint("vpc_id = "+tfID("vpc", "main"), `service_name = "com.amazonaws.us-east-1.sts"`,
			`vpc_endpoint_type = "Interface"`, "subnet_ids = ["+tfID("subnet", "b")+"]")), endpointAddress, actionReplace),
	)
}

func TestAccVPCEndpoint_refusals(t *testing.T) {
	c := newTestCloud(t)
	endpoint := func(arguments ...string) string {
		return c.config(interfaceNetwork + tfEndpoint(append([]string{"vpc_id = " + tfID("vpc", "main")}, arguments...)...))
	}
	unitTest(t,
		resource.TestStep{Config: c.config(interfaceNetwork)},
		planFails(endpoint(`service_name = "com.amazonaws.us-east-1.nope"`), "InvalidServiceName", "com.amazonaws.us-east-1.nope"),
		planFails(endpoint(`service_name = "com.amazonaws.us-east-1.ecs"`), "InvalidParameter", "does not support endpoint type 'Gateway'"),
		planFails(endpoint(`service_name = "com.amazonaws.us-east-1.ecs"`, `vpc_endpoint_type = "Interface"`,
			"subnet_ids = ["+tfID("subnet", "a")+", "+tfID("subnet", "a2")+"]"), "DuplicateSubnetsInSameZone"),
		planFails(endpoint(`service_name = "com.amazonaws.us-east-1.s3"`, "route_table_ids = ["+tfID("route_table", "other")+"]"),
			"InvalidParameter", "does not belong to the VPC"),
		planFails(endpoint(`service_name = "com.amazonaws.us-east-1.s3"`, "subnet_ids = ["+tfID("subnet", "a")+"]"),
			"InvalidParameter", "Subnet IDs are not supported for Gateway"),
		planFails(endpoint(`service_name = "com.amazonaws.us-east-1.ecs"`, `vpc_endpoint_type = "Interface"`, "subnet_ids = ["+tfID("subnet", "a")+"]",
			"subnet_configuration {\n    subnet_id = "+tfID("subnet", "a")+"\n    ipv4 = \"10.0.2.10\"\n  }"), "InvalidParameterValue", "is not in the range of subnet"),
		// The VPC cannot go while the endpoint is there.
		resource.TestStep{Config: endpoint(`service_name = "com.amazonaws.us-east-1.s3"`)},
		resource.TestStep{PreConfig: func() {
			if err := c.client.DeleteVPC(context.Background(), c.vpcByCIDR(t, "10.0.0.0/16").ID); cloud.ErrorCode(err) != "DependencyViolation" {
				t.Errorf("VPC deleted with its endpoint: %v", err)
			}
		}, Config: endpoint(`service_name = "com.amazonaws.us-east-1.s3"`), ConfigPlanChecks: expectEmptyPlan},
	)
}

func TestAccVPCEndpointServiceAndPrefixListDataSources(t *testing.T) {
	c := newTestCloud(t)
	s3Interface := tfData("vpc_endpoint_service", "s3", `service = "s3"`, "filter {\n    name = \"service-type\"\n    values = [\"Interface\"]\n  }")
	lists := tfData("prefix_list", "byName", `name = "com.amazonaws.us-east-1.dynamodb"`) + tfData("prefix_list", "byID", `prefix_list_id = "`+s3PrefixList+`"`)
	unitTest(t,
		resource.TestStep{
			Config: c.config(s3Interface + lists),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_vpc_endpoint_service.s3", "service_name", knownvalue.StringExact("com.amazonaws.us-east-1.s3")),
				attrIs("data.simcloud_vpc_endpoint_service.s3", "service_type", knownvalue.StringExact("Interface")),
				attrIs("data.simcloud_vpc_endpoint_service.s3", "private_dns_name", knownvalue.StringExact("*.s3.us-east-1.amazonaws.com")),
				attrIs("data.simcloud_vpc_endpoint_service.s3", "owner", knownvalue.StringExact("amazon")),
				attrIs("data.simcloud_vpc_endpoint_service.s3", "availability_zones", knownvalue.SetSizeExact(6)),
				attrIs("data.simcloud_vpc_endpoint_service.s3", "service_id", matching(`^vpce-svc-[0-9a-f]{17}$`)),
				attrIs("data.simcloud_prefix_list.byName", "id", knownvalue.StringExact("pl-02cd2c6b")),
				attrIs("data.simcloud_prefix_list.byID", "name", knownvalue.StringExact("com.amazonaws.us-east-1.s3")),
				attrIs("data.simcloud_prefix_list.byID", "cidr_blocks", knownvalue.NotNull()),
			},
		},
		planFails(c.config(tfData("vpc_endpoint_service", "x", `service = "nope"`)), "no matching EC2 VPC Endpoint Service found", `service = "nope"`),
		planFails(c.config(tfData("vpc_endpoint_service", "x", `service = "s3"`)), "multiple EC2 VPC Endpoint Services matched"),
		planFails(c.config(tfData("vpc_endpoint_service", "x", `service = "s3"`, `service_name = "com.amazonaws.us-east-1.s3"`)), "InvalidParameterCombination"),
		planFails(c.config(tfData("vpc_endpoint_service", "x", `service = "s3"`, `service_type = "Tunnel"`)), "InvalidParameterValue", "VpcEndpointType"),
		planFails(c.config(tfData("prefix_list", "x", `prefix_list_id = "pl-00000000"`)), "InvalidPrefixListID.NotFound"),
	)
}
