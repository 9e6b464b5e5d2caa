package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The port-compatibility tests take configurations written for the AWS
// provider (testdata/port/<name>/aws.tf: resources and data sources only,
// AWS attribute names only), rename aws_ to simcloud_, and apply them. The
// design promises that a working AWS configuration ports by that rename
// alone; these tests fail when it stops being true.

const portDir = "testdata/port"

// portCase is what a ported configuration must do besides applying cleanly
// with an empty second plan.
type portCase struct {
	// applied holds checks of the state right after the first apply.
	applied []statecheck.StateCheck
	// refreshed holds checks of the state after a refresh, for attributes
	// derived from other objects (is_public, the routes of a table that
	// simcloud_route resources manage), which are as of the last refresh.
	refreshed []statecheck.StateCheck
	// inCloud checks the simulated cloud itself, through the engine.
	inCloud func(t *testing.T, c *testCloud) error
	// imports are resources to import back and compare with their state.
	imports []portImport
}

type portImport struct {
	address string
	// id builds the import ID from the state (where simcloud_subnet.public[0]
	// is keyed simcloud_subnet.public.0); nil imports by the ID.
	id resource.ImportStateIdFunc
	// ignored are attributes that the import reads in another form: the
	// keys a route block leaves out (null) read "" when imported, as the
	// AWS provider reads them.
	ignored []string
}

// portCases are keyed by directory under testdata/port; every directory
// must have a case and every case a directory.
var portCases = map[string]portCase{
	// One VPC in the styles AWS users write routing in: a two-tier network
	// with route blocks, separate route resources, a private IPv6 subnet
	// behind an egress-only gateway, the main table adopted, and a VPN.
	"network": {
		applied: []statecheck.StateCheck{
			// The two-tier network.
			portExpect("simcloud_vpc.main", "enable_dns_hostnames", knownvalue.Bool(true)),
			portExpect("simcloud_subnet.public[0]", "map_public_ip_on_launch", knownvalue.Bool(true)),
			portExpect("simcloud_subnet.public[1]", "availability_zone", knownvalue.StringExact("us-east-1b")),
			portExpect("simcloud_subnet.private[0]", "map_public_ip_on_launch", knownvalue.Bool(false)),
			portExpect("simcloud_subnet.private[1]", "cidr_block", knownvalue.StringExact("10.0.11.0/24")),
			portExpect("simcloud_route_table.public", "route", knownvalue.SetExact([]knownvalue.Check{
				portRoute("cidr_block", "0.0.0.0/0", "gateway_id"),
			})),
			portSame("simcloud_route_table.public", tfjsonpath.New("route").AtSliceIndex(0).AtMapKey("gateway_id"),
				"simcloud_internet_gateway.gw", tfjsonpath.New("id")),
			// A table without route blocks holds its local routes only,
			// and the AWS provider lists none of them.
			portExpect("simcloud_route_table.private", "route", knownvalue.SetSizeExact(0)),
			portSameID("simcloud_route_table_association.public[1]", "subnet_id", "simcloud_subnet.public[1]"),
			portSameID("simcloud_route_table_association.private[0]", "route_table_id", "simcloud_route_table.private"),

			// Separate routes; an unset destination reads "", as in the AWS provider.
			portExpect("simcloud_route.internet", "id", matching(`^r-rtb-[0-9a-f]{17}[0-9]+$`)),
			portExpect("simcloud_route.internet", "state", knownvalue.StringExact("active")),
			portExpect("simcloud_route.internet", "origin", knownvalue.StringExact("CreateRoute")),
			portExpect("simcloud_route.internet", "destination_ipv6_cidr_block", knownvalue.StringExact("")),
			portExpect("simcloud_route.internet_ipv6", "state", knownvalue.StringExact("active")),
			portExpect("simcloud_route.internet_ipv6", "destination_cidr_block", knownvalue.StringExact("")),
			portSameID("simcloud_route.internet_ipv6", "egress_only_gateway_id", "simcloud_egress_only_internet_gateway.egress"),
			portExpect("simcloud_subnet.dual_stack", "ipv6_cidr_block", matching(`^2001:db8:[0-9a-f:]+/64$`)),
			portExpect("simcloud_subnet.dual_stack", "assign_ipv6_address_on_creation", knownvalue.Bool(true)),

			// The private IPv6 subnet.
			portExpect("simcloud_route_table.ipv6_private", "route", knownvalue.SetExact([]knownvalue.Check{
				portRoute("ipv6_cidr_block", "::/0", "egress_only_gateway_id"),
			})),
			portSame("simcloud_route_table.ipv6_private", tfjsonpath.New("route").AtSliceIndex(0).AtMapKey("egress_only_gateway_id"),
				"simcloud_egress_only_internet_gateway.egress", tfjsonpath.New("id")),
			portExpect("simcloud_subnet.ipv6_private", "ipv6_cidr_block", matching(`^2001:db8:[0-9a-f:]+/64$`)),
			portExpect("simcloud_subnet.ipv6_private", "ipv6_cidr_block_association_id", matching(`^subnet-cidr-assoc-[0-9a-f]{17}$`)),

			// The main table, adopted.
			portSame("simcloud_default_route_table.main", tfjsonpath.New("id"), "simcloud_vpc.main", tfjsonpath.New("main_route_table_id")),
			portSameID("simcloud_default_route_table.main", "vpc_id", "simcloud_vpc.main"),
			portExpect("simcloud_default_route_table.main", "route", knownvalue.SetExact([]knownvalue.Check{
				portMainTableRoute("cidr_block", "0.0.0.0/0", "gateway_id"),
			})),
			portExpect("simcloud_default_route_table.main", "tags", knownvalue.MapExact(map[string]knownvalue.Check{
				"Name": knownvalue.StringExact("main"),
			})),
			portExpect("simcloud_subnet.web", "availability_zone_id", knownvalue.StringExact("use1-az3")),

			// The VPN.
			portExpect("simcloud_customer_gateway.office", "bgp_asn", knownvalue.StringExact("65000")),
			portExpect("simcloud_vpn_gateway.vpn", "amazon_side_asn", knownvalue.StringExact("64512")),
			portSameID("simcloud_vpn_gateway.vpn", "vpc_id", "simcloud_vpc.main"),
			portSame("simcloud_route_table.office", tfjsonpath.New("route").AtSliceIndex(0).AtMapKey("gateway_id"),
				"simcloud_vpn_gateway.vpn", tfjsonpath.New("id")),
		},
		refreshed: []statecheck.StateCheck{
			portExpect("simcloud_subnet.public[0]", "is_public", knownvalue.Bool(true)),
			portExpect("simcloud_subnet.public[1]", "is_public", knownvalue.Bool(true)),
			portExpect("simcloud_subnet.private[0]", "is_public", knownvalue.Bool(false)),
			portExpect("simcloud_subnet.private[1]", "is_public", knownvalue.Bool(false)),
			portSameID("simcloud_subnet.public[0]", "effective_route_table_id", "simcloud_route_table.public"),
			portSameID("simcloud_subnet.private[1]", "effective_route_table_id", "simcloud_route_table.private"),

			// As in the AWS provider, a table without route blocks shows
			// the routes that aws_route resources gave it, and that is no
			// change to plan.
			portExpect("simcloud_route_table.dual_stack", "route", knownvalue.SetExact([]knownvalue.Check{
				portListedRoute("cidr_block", "0.0.0.0/0", "gateway_id"),
				portListedRoute("ipv6_cidr_block", "::/0", "egress_only_gateway_id"),
			})),
			portExpect("simcloud_subnet.dual_stack", "is_public", knownvalue.Bool(true)),
			portSameID("simcloud_subnet.dual_stack", "effective_route_table_id", "simcloud_route_table.dual_stack"),

			// An egress-only gateway lets traffic out, never in: private.
			portExpect("simcloud_subnet.ipv6_private", "is_public", knownvalue.Bool(false)),
			portSameID("simcloud_subnet.ipv6_private", "effective_route_table_id", "simcloud_route_table.ipv6_private"),

			// No association: the web subnet is served by the main table.
			portExpect("simcloud_subnet.web", "is_public", knownvalue.Bool(true)),
			portSame("simcloud_subnet.web", tfjsonpath.New("effective_route_table_id"), "simcloud_vpc.main", tfjsonpath.New("default_route_table_id")),

			portSame("simcloud_route_table.office", tfjsonpath.New("propagating_vgws").AtSliceIndex(0), "simcloud_vpn_gateway.vpn", tfjsonpath.New("id")),
			portSame("simcloud_default_route_table.main", tfjsonpath.New("propagating_vgws").AtSliceIndex(0), "simcloud_vpn_gateway.vpn", tfjsonpath.New("id")),
		},
		inCloud: func(t *testing.T, c *testCloud) error {
			if err := c.portExpectPublic(t, map[string]bool{
				"10.0.0.0/24": true, "10.0.1.0/24": true, "10.0.10.0/24": false, "10.0.11.0/24": false,
				"10.0.21.0/24": true, "10.0.31.0/24": false, "10.0.41.0/24": true,
			}); err != nil {
				return err
			}
			tables, err := c.client.FindRouteTables(context.Background(), cloud.RouteTableFilter{Tags: map[string]string{"Name": "ipv6-private"}})
			if err != nil || len(tables) != 1 {
				return fmt.Errorf("want one route table named ipv6-private, found %d (%v)", len(tables), err)
			}
			for _, r := range tables[0].Routes {
				if r.Destination == "::/0" && r.State == cloud.RouteStateActive && strings.HasPrefix(r.Target, "eigw-") {
					return nil
				}
			}
			return fmt.Errorf("route table %s has no active ::/0 route to an egress-only gateway: %+v", tables[0].ID, tables[0].Routes)
		},
		imports: []portImport{
			{address: "simcloud_subnet.public[0]", id: portAttributeID("simcloud_subnet.public.0", "id")},
			{address: "simcloud_route_table.public", ignored: unsetRouteKeys(routeTargetKeys)},
			{address: "simcloud_route_table_association.public[0]", id: portAssociationImportID("simcloud_route_table_association.public.0")},
			{address: "simcloud_route.internet", id: portRouteImportID("simcloud_route.internet", "0.0.0.0/0")},
			{address: "simcloud_route.internet_ipv6", id: portRouteImportID("simcloud_route.internet_ipv6", "::/0")},
			{address: "simcloud_route_table_association.dual_stack", id: portAssociationImportID("simcloud_route_table_association.dual_stack")},
			{address: "simcloud_default_route_table.main", id: portAttributeID("simcloud_vpc.main", "id"), ignored: unsetRouteKeys(defaultRouteTargetKeys)},
			{address: "simcloud_customer_gateway.office"},
			{address: "simcloud_vpn_gateway.vpn"},
			{address: "simcloud_vpn_gateway_route_propagation.office"},
		},
	},
	"subnet_groups": {
		applied: []statecheck.StateCheck{
			portExpect("simcloud_db_subnet_group.database", "id", knownvalue.StringExact("complete")),
			portExpect("simcloud_db_subnet_group.database", "arn", knownvalue.StringExact("arn:aws:rds:us-east-1:123456789012:subgrp:complete")),
			portSameID("simcloud_db_subnet_group.database", "vpc_id", "simcloud_vpc.main"),
			portSameID("simcloud_elasticache_subnet_group.elasticache", "vpc_id", "simcloud_vpc.main"),
			portExpect("simcloud_redshift_subnet_group.redshift", "description", knownvalue.StringExact("Redshift subnet group for complete")),
		},
		imports: []portImport{
			{address: "simcloud_db_subnet_group.database"},
			{address: "simcloud_elasticache_subnet_group.elasticache"},
			{address: "simcloud_redshift_subnet_group.redshift"},
		},
	},
	"secondary_cidr_dhcp": {
		applied: []statecheck.StateCheck{
			portExpect("simcloud_vpc_ipv4_cidr_block_association.this[1]", "cidr_block", knownvalue.StringExact("10.2.0.0/16")),
			portExpect("simcloud_vpc_dhcp_options_association.this", "id", matching(`^dopt-[0-9a-f]{17}-vpc-[0-9a-f]{17}$`)),
			portExpect("simcloud_vpc_dhcp_options.this", "ntp_servers", knownvalue.ListSizeExact(0)),
			portExpect("simcloud_vpc_dhcp_options.this", "netbios_node_type", knownvalue.StringExact("")),
		},
		refreshed: []statecheck.StateCheck{
			portSameID("simcloud_vpc.this", "dhcp_options_id", "simcloud_vpc_dhcp_options.this"),
		},
		inCloud: func(t *testing.T, c *testCloud) error {
			vpc := c.onlyVPC(t)
			table, err := c.client.RouteTable(context.Background(), vpc.MainRouteTableID)
			if err != nil {
				return err
			}
			for _, block := range []string{"10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"} {
				if !slices.ContainsFunc(table.Routes, func(r cloud.Route) bool { return r.Destination == block && r.Target == cloud.TargetLocal }) {
					return fmt.Errorf("the main route table has no local route for %s: %+v", block, table.Routes)
				}
			}
			return nil
		},
		imports: []portImport{
			{address: "simcloud_vpc_ipv4_cidr_block_association.this[0]", id: portAttributeID("simcloud_vpc_ipv4_cidr_block_association.this.0", "id")},
			{address: "simcloud_vpc_dhcp_options.this"},
			{address: "simcloud_vpc_dhcp_options_association.this", id: portAttributeID("simcloud_vpc_dhcp_options_association.this", "vpc_id")},
		},
	},
}

func TestAccPort(t *testing.T) {
	entries, err := os.ReadDir(portDir)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	for name := range portCases {
		if !slices.Contains(dirs, name) {
			t.Errorf("port case %q has no directory %s/%s", name, portDir, name)
		}
	}
	for _, name := range dirs {
		t.Run(name, func(t *testing.T) {
			pc, ok := portCases[name]
			if !ok {
				t.Fatalf("%s/%s has no entry in portCases", portDir, name)
			}
			c := newTestCloud(t)
			cfg := c.config(portConfig(t, filepath.Join(portDir, name, "aws.tf")))
			steps := []resource.TestStep{
				{Config: cfg, ConfigStateChecks: pc.applied},
				{
					// Applying again changes nothing; its refresh brings
					// the derived attributes up to date.
					Config: cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectEmptyPlan(),
					}},
					ConfigStateChecks: pc.refreshed,
					Check: func(*terraform.State) error {
						if pc.inCloud == nil {
							return nil
						}
						return pc.inCloud(t, c)
					},
				},
			}
			for _, imp := range pc.imports {
				steps = append(steps, resource.TestStep{
					Config:                  cfg,
					ResourceName:            imp.address,
					ImportState:             true,
					ImportStateIdFunc:       imp.id,
					ImportStateVerify:       true,
					ImportStateVerifyIgnore: imp.ignored,
				})
			}
			unitTest(t, steps...)
		})
	}
}

// portConfig reads an AWS configuration and renames it for simcloud.
func portConfig(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	aws := string(b)
	// The rename must be the whole port: the file is plain AWS, with no
	// provider block and nothing of ours in it.
	for _, forbidden := range []string{"simcloud", "provider ", "is_public", "effective_route_table_id"} {
		if strings.Contains(aws, forbidden) {
			t.Fatalf("%s must be a plain AWS configuration without provider blocks, but contains %q", path, forbidden)
		}
	}
	for _, m := range regexp.MustCompile(`aws_[a-z0-9_]*`).FindAllStringIndex(aws, -1) {
		// Every aws_ starts a resource or data source type: in a block
		// label or in a reference.
		before, after := aws[:m[0]], aws[m[1]:]
		label := strings.HasSuffix(strings.TrimRight(before, " "), "resource \"") ||
			strings.HasSuffix(strings.TrimRight(before, " "), "data \"") ||
			strings.HasSuffix(before, "data.")
		if !label && !strings.HasPrefix(after, ".") && !strings.HasPrefix(after, "\" \"") {
			t.Fatalf("%s: %q at offset %d is not a resource type; only type names may start with aws_", path, aws[m[0]:m[1]], m[0])
		}
	}
	if !strings.Contains(aws, `resource "aws_`) {
		t.Fatalf("%s declares no aws_ resources", path)
	}
	return strings.ReplaceAll(aws, "aws_", "simcloud_")
}

func portExpect(address, attribute string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New(attribute), check)
}

func portSame(address string, path tfjsonpath.Path, otherAddress string, otherPath tfjsonpath.Path) statecheck.StateCheck {
	return statecheck.CompareValuePairs(address, path, otherAddress, otherPath, compare.ValuesSame())
}

// portSameID checks that an attribute holds the ID of another resource.
func portSameID(address, attribute, other string) statecheck.StateCheck {
	return portSame(address, tfjsonpath.New(attribute), other, tfjsonpath.New("id"))
}

// portRoute matches one route of a route block: the destination attribute
// holds dest, the target attribute a gateway ID of its kind, and every other
// target and destination is null, as the block left them out.
func portRoute(destAttribute, dest, targetAttribute string) knownvalue.Check {
	return portRouteOf(routeTargetKeys, knownvalue.Null(), destAttribute, dest, targetAttribute)
}

// portListedRoute is portRoute for a route of a table without route blocks
// (made by a simcloud_route): its other keys read "", as in the AWS
// provider's state.
func portListedRoute(destAttribute, dest, targetAttribute string) knownvalue.Check {
	return portRouteOf(routeTargetKeys, knownvalue.StringExact(""), destAttribute, dest, targetAttribute)
}

// portMainTableRoute is portRoute for simcloud_default_route_table, whose
// routes have the keys of aws_default_route_table's.
func portMainTableRoute(destAttribute, dest, targetAttribute string) knownvalue.Check {
	return portRouteOf(defaultRouteTargetKeys, knownvalue.Null(), destAttribute, dest, targetAttribute)
}

func portRouteOf(targetKeys []string, unset knownvalue.Check, destAttribute, dest, targetAttribute string) knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for _, k := range append(slices.Clone(routeDestinationKeys), targetKeys...) {
		checks[k] = unset
	}
	checks[destAttribute] = knownvalue.StringExact(dest)
	prefix := "igw"
	if targetAttribute == "egress_only_gateway_id" {
		prefix = "eigw"
	}
	checks[targetAttribute] = knownvalue.StringRegexp(regexp.MustCompile(`^` + prefix + `-[0-9a-f]{17}$`))
	return knownvalue.ObjectExact(checks)
}

// portExpectPublic checks, through the engine, whether each subnet (by its
// IPv4 block) is public now.
func (c *testCloud) portExpectPublic(t *testing.T, want map[string]bool) error {
	t.Helper()
	for cidr, public := range want {
		found, err := c.client.FindSubnets(context.Background(), cloud.SubnetFilter{CIDRBlock: cidr})
		if err != nil {
			return err
		}
		if len(found) != 1 {
			return fmt.Errorf("want one subnet with %s in the cloud, found %d", cidr, len(found))
		}
		if found[0].IsPublic != public {
			return fmt.Errorf("subnet %s (%s) is_public = %v in the cloud, want %v", found[0].ID, cidr, found[0].IsPublic, public)
		}
	}
	return nil
}

func portAttribute(s *terraform.State, address, attribute string) (string, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return "", fmt.Errorf("%s is not in state", address)
	}
	v, ok := rs.Primary.Attributes[attribute]
	if !ok || v == "" {
		return "", fmt.Errorf("%s has no %s in state", address, attribute)
	}
	return v, nil
}

func portAttributeID(address, attribute string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) { return portAttribute(s, address, attribute) }
}

// portRouteImportID is the AWS provider's route import ID,
// <route-table-id>_<destination>.
func portRouteImportID(address, destination string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		table, err := portAttribute(s, address, "route_table_id")
		return table + "_" + destination, err
	}
}

// portAssociationImportID is the AWS provider's association import ID,
// <subnet-id>/<route-table-id>.
func portAssociationImportID(address string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		subnet, err := portAttribute(s, address, "subnet_id")
		if err != nil {
			return "", err
		}
		table, err := portAttribute(s, address, "route_table_id")
		return subnet + "/" + table, err
	}
}

// TestAccExamplesApply applies every resource example on a cloud of its own
// and expects an empty plan after it, and applies the data source examples
// against networks made through the engine.
func TestAccExamplesApply(t *testing.T) {
	examples, err := filepath.Glob("../../examples/resources/*/resource.tf")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no resource examples found (%v)", err)
	}
	for _, path := range examples {
		name := filepath.Base(filepath.Dir(path))
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c := newTestCloud(t)
			cfg := c.config(string(b))
			unitTest(t,
				resource.TestStep{Config: cfg},
				// A second apply refreshes and must change nothing.
				resource.TestStep{Config: cfg, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}}},
			)
		})
	}

	// Each data source example reads a network made through the engine; vars
	// says what it is given, checks what it must output.
	dataSourceExample := func(name string, read func(t *testing.T, c *testCloud, n portNetworkIDs) (vars config.Variables, checks []statecheck.StateCheck)) {
		t.Run("data-source/"+name, func(t *testing.T) {
			c := newTestCloud(t)
			vars, checks := read(t, c, portNetwork(t, c))
			unitTest(t, resource.TestStep{
				Config:            c.config(portExample(t, "../../examples/data-sources/"+name+"/data-source.tf")),
				ConfigVariables:   vars,
				ConfigStateChecks: checks,
			})
		})
	}
	output := statecheck.ExpectKnownOutputValue
	dataSourceExample("simcloud_subnet", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		return config.Variables{"vpc_id": config.StringVariable(n.vpc)}, []statecheck.StateCheck{
			output("public_subnet_is_public", knownvalue.Bool(true)),
			output("public_subnet_route_table_id", knownvalue.StringExact(n.publicTable)),
		}
	})
	dataSourceExample("simcloud_route_table", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		return config.Variables{
				"vpc_id":    config.StringVariable(n.vpc),
				"subnet_id": config.StringVariable(n.publicSubnet),
			}, []statecheck.StateCheck{
				output("subnet_routes", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("0.0.0.0/0 -> " + n.igw + " (active)"),
					knownvalue.StringExact("10.0.0.0/16 -> local (active)"),
				})),
				output("main_route_table_id", knownvalue.StringExact(n.mainTable)),
			}
	})
	dataSourceExample("simcloud_eip", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		eip, _, _ := portNAT(t, c, n)
		return nil, []statecheck.StateCheck{
			output("nat_eip_allocation_id", knownvalue.StringExact(eip.AllocationID)),
			output("nat_eip_public_ip", knownvalue.StringExact(eip.PublicIP)),
			output("nat_eip_in_use", knownvalue.Bool(true)),
		}
	})
	dataSourceExample("simcloud_nat_gateway", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		eip, nat, _ := portNAT(t, c, n)
		return config.Variables{"subnet_id": config.StringVariable(n.publicSubnet)}, []statecheck.StateCheck{
			output("nat_gateway", knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":                knownvalue.StringExact(nat.ID),
				"public_ip":         knownvalue.StringExact(eip.PublicIP),
				"connectivity_type": knownvalue.StringExact("public"),
			})),
		}
	})
	dataSourceExample("simcloud_security_group", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		web, err := c.client.CreateSecurityGroup(context.Background(), cloud.SecurityGroupInput{VPCID: n.vpc, GroupName: "web", Description: "web",
			Tags: map[string]string{"Name": "web"}})
		if err != nil {
			t.Fatal(err)
		}
		return config.Variables{"vpc_id": config.StringVariable(n.vpc)}, []statecheck.StateCheck{
			output("web_security_group_id", knownvalue.StringExact(web.ID)),
		}
	})
	dataSourceExample("simcloud_network_path", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		_, nat, private := portNAT(t, c, n)
		return config.Variables{"subnet_id": config.StringVariable(private)}, []statecheck.StateCheck{
			output("outbound_hops", knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact("subnet " + private),
				knownvalue.StringExact("route_table " + n.mainTable),
				knownvalue.StringExact("route " + cloud.RouteID(n.mainTable, "0.0.0.0/0")),
				knownvalue.StringExact("nat_gateway " + nat.ID),
				knownvalue.StringExact("subnet " + n.publicSubnet),
				knownvalue.StringExact("route_table " + n.publicTable),
				knownvalue.StringExact("route " + cloud.RouteID(n.publicTable, "0.0.0.0/0")),
				knownvalue.StringExact("internet_gateway " + n.igw),
				knownvalue.StringExact("internet"),
			})),
			output("inbound_reachable", knownvalue.Bool(false)),
			output("inbound_breaks_at", matching(`^nat-[0-9a-f]{17} is a NAT gateway: it lets no connection in`)),
			output("ssh_in_breaks_at", matching(`^nat-[0-9a-f]{17} is a NAT gateway: it lets no connection in`)),
			output("ssh_in_hops", knownvalue.ListSizeExact(4)),
		}
	})
	dataSourceExample("simcloud_key_pair", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		if _, err := c.client.ImportKeyPair(context.Background(), cloud.KeyPairInput{Name: "deployer", PublicKey: rsaPublicKey}); err != nil {
			t.Fatal(err)
		}
		return nil, []statecheck.StateCheck{output("deployer_key_type", knownvalue.StringExact("rsa"))}
	})
	dataSourceExample("simcloud_ami", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		return nil, []statecheck.StateCheck{output("ubuntu_ami", matching(`^ami-[0-9a-f]{17}$`))}
	})
	dataSourceExample("simcloud_ami_ids", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		return nil, []statecheck.StateCheck{output("al2023_arm64_amis", knownvalue.ListSizeExact(2))}
	})
	dataSourceExample("simcloud_iam_policy_document", func(t *testing.T, c *testCloud, n portNetworkIDs) (config.Variables, []statecheck.StateCheck) {
		return nil, []statecheck.StateCheck{output("trust_policy", knownvalue.StringExact(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AWSVPCFlowLogsAssumeRole",
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {
        "Service": "vpc-flow-logs.amazonaws.com"
      }
    }
  ]
}`))}
	})
}

// portNAT adds to a portNetwork, through the engine, an elastic IP tagged
// Name = nat, a public NAT gateway on it in the public subnet, and a default
// route to that gateway in the VPC's main table, which serves the private
// subnet; it returns the address, the gateway and the private subnet's ID.
func portNAT(t *testing.T, c *testCloud, n portNetworkIDs) (cloud.ElasticIP, cloud.NATGateway, string) {
	t.Helper()
	ctx := context.Background()
	eip, err := c.client.AllocateAddress(ctx, map[string]string{"Name": "nat"})
	if err != nil {
		t.Fatal(err)
	}
	nat, err := c.client.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.publicSubnet, AllocationID: eip.AllocationID, ConnectivityType: cloud.ConnectivityPublic})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.client.AdoptRouteTable(ctx, n.mainTable, cloud.RouteTableInput{ManageRoutes: true,
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: nat.ID}}}); err != nil {
		t.Fatal(err)
	}
	return eip, nat, c.subnetByCIDR(t, "10.0.2.0/24").ID
}

func portExample(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// portNetworkIDs are the objects of a network someone else manages.
type portNetworkIDs struct {
	vpc, igw, mainTable, publicTable, publicSubnet string
}

// portNetwork makes, through the engine, a VPC with an internet gateway, a
// subnet named public served by a table with a default route to the
// gateway, and a subnet named private served by the main table.
func portNetwork(t *testing.T, c *testCloud) portNetworkIDs {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	vpc, err := c.client.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default", EnableDNSSupport: true})
	must(err)
	igw, err := c.client.CreateInternetGateway(ctx, vpc.ID, nil)
	must(err)
	public, err := c.client.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24", Tags: map[string]string{"Name": "public"}})
	must(err)
	_, err = c.client.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.2.0/24", Tags: map[string]string{"Name": "private"}})
	must(err)
	table, err := c.client.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true,
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: igw.ID}}})
	must(err)
	_, err = c.client.Associate(ctx, public.ID, table.ID)
	must(err)
	vpc, err = c.client.VPC(ctx, vpc.ID)
	must(err)
	return portNetworkIDs{vpc: vpc.ID, igw: igw.ID, mainTable: vpc.MainRouteTableID, publicTable: table.ID, publicSubnet: public.ID}
}
