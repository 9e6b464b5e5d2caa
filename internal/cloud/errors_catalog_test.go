package cloud_test

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The catalog of the cloud's refusals. Every error code the engine's source
// can produce has at least one scenario here that makes the engine refuse
// with it, through the same calls the provider makes (plan-time checks and
// apply operations), and says exactly which objects the refusal must name.
// TestErrorCatalogCoversSource reads the source and fails when a code has no
// scenario, so a new rule cannot ship without one.

// refusal is one scenario of the catalog.
type refusal struct {
	name string
	code string
	// field is the argument the refusal must point at, "" for none.
	field string
	// trigger makes the engine refuse on a fresh cloud holding net, and
	// returns the objects the refusal must name, in order, and the refusal.
	trigger func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error)
	// noObjects is why the refusal names no object, for the refusals of a
	// request's own values; empty when it must name some.
	noObjects string
}

// malformedImportID is the refusal, by parse, of an import ID that does
// not name the two objects it should.
func malformedImportID(name string, parse func(string) (string, string, error), id string) refusal {
	return refusal{name: name, code: "InvalidParameterValue", field: "id", noObjects: ownValues,
		trigger: func(*testing.T, *cloud.Client, catalogNet) ([]string, error) {
			_, _, err := parse(id)
			return nil, err
		}}
}

// unreachableCodes are codes in the source that no operation can produce
// today, with the reason. Each must still be in the source (or be removed
// here), and must have no scenario (or it is reachable after all).
var unreachableCodes = map[string]string{
	"InsufficientCidrBlocks":                       "the pool of 2^24 IPv6 /56 blocks would have to be handed out first",
	"InvalidSubnetCidrBlockAssociationID.NotFound": "no operation looks a subnet's CIDR block association up by ID",
}

// noObjectFuncs are the functions whose refusals are about a request's own
// values, checked before any object is looked up, and so name no object. Any
// other function that builds an *Error must fill in Objects.
var noObjectFuncs = []string{
	// A value the request gives, refused in AWS's words for a parameter.
	"invalidParameter",
	"ParseVPCCIDR", "launchKeyRule", "ValidateTags", "validateTag", "ValidateTagKeyPattern",
	"parseIDPair", "ParseRouteImportID",
	// Which arguments a route sets, from its configuration alone.
	"exactlyOneRouteArgument", "unsupportedRoute", "CheckSubnetZoneArguments",
	// The address pool, not any object, is exhausted.
	"AllocateAddress",
	// A security group's rules, each alone or a direction's count.
	"NormalizeSecurityGroupRule", "normalizeProtocol", "ruleLimit", "CheckNameArguments",
	// An import ID's shape.
	"ParseNetworkACLRuleImportID",
	"ParseSecurityGroupRuleImportID", "CheckSecurityGroupRuleArguments", "CheckSecurityGroupRuleResourceArguments",
	"ValidateSecurityGroupRuleType",
	// A Describe call's filter names and a region's endpoint.
	"checkName", "RegionByEndpoint",
	// A customer gateway's own values.
	"ValidateCustomerGateway", "validateASN",
	// A subnet group's name, and its list of subnets being empty.
	"ValidateSubnetGroupName", "requireSubnets",
	// Which of a VPC and a subnet an exclusion names.
	"CheckExclusionArguments",
	// Which arguments a network path's question sets, and its protocol
	// and port.
	"CheckPathArguments", "checkPathTraffic",
	// IAM's, CloudWatch Logs' and flow logs' checks of names, documents
	// and settings.
	"iamValidation", "logsInvalid", "ValidatePolicy", "flowLogInvalid", "CheckFlowLogTargets", "policyDocumentInvalid",
	// A prefix list's own entries and maximum.
	"entriesRule",
	// A key pair's own public key, and the owners of a search of images.
	"badKeyFormat", "ValidateImageOwner", "CheckKeyNameArguments",
	// Arguments for IPAM.
	"CheckIPAMArguments", "CheckIPv6BlockArguments", "checkPoolArguments", "CheckVPCBlockArguments", "CheckPoolServiceArguments",
	// A subnet's Outposts arguments and launch settings' values.
	"checkOutpostArguments",
	// An elastic IP's address sources and a NAT gateway's secondary
	// addresses, from the configuration alone.
	"CheckAddressArguments", "CheckNATGatewaySecondaryArguments",
	// A VPC endpoint's own arguments.
	"shapeRule", "ValidateEndpointType", "CheckEndpointServiceArguments",
	// A region without a default VPC, and an IPv6-only default subnet the
	// cloud does not make: no object is involved.
	"noDefaultVPCForSubnet", "adoptDefaultSubnetRule", "noDefaultVPC", "ownBorderGroup",
	// An instance's image and type by their shape, and the public pool
	// running dry at launch.
	"ValidateAMIID", "ValidateInstanceType", "publicPoolExhausted",
	// Which of a choice of arguments a configuration sets.
	"CheckArgumentChoice",
}

const (
	ownValues   = "the request's own values are refused"
	unknownVPC  = "vpc-0123456789abcdef0"
	unknownIGW  = "igw-0123456789abcdef0"
	unknownRtb  = "rtb-0123456789abcdef0"
	unknownNAT  = "nat-0123456789abcdef0"
	unknownEIP  = "eipalloc-0123456789abcdef0"
	unknownSub  = "subnet-0123456789abcdef0"
	unknownAsoc = "rtbassoc-0123456789abcdef0"
	unknownEIGW = "eigw-0123456789abcdef0"
)

// catalogNet is the network every scenario starts from: a VPC with an IPv6
// block, an attached internet gateway, a subnet, and a route table whose
// default route, made by a simcloud_route, goes to the gateway; and a second
// VPC with nothing in it.
type catalogNet struct {
	vpc      cloud.VPC
	v6a      string
	igw      cloud.InternetGateway
	subnet   cloud.Subnet
	table    cloud.RouteTable
	otherVPC cloud.VPC
}

func newCatalogNet(t *testing.T, c *cloud.Client) catalogNet {
	t.Helper()
	ctx := context.Background()
	vpc, v6a, _ := ipv6VPC(t, c)
	igw := mustCreateIGW(t, c, vpc.ID)
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	must(c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: igw.ID}))(t)
	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	return catalogNet{vpc: vpc, v6a: v6a, igw: igw, subnet: subnet, table: table, otherVPC: other}
}

// must passes on the value of a step of a scenario that must succeed, and
// fails the test if it does not: must(c.Step(...))(t).
func must[V any](v V, err error) func(t testing.TB) V {
	return func(t testing.TB) V {
		t.Helper()
		if err != nil {
			t.Fatalf("setting up the scenario: %v", err)
		}
		return v
	}
}

// errOf is the error of a step whose value a scenario does not need.
func errOf[V any](_ V, err error) error { return err }

// noErr fails the test if a step of a scenario that must succeed fails.
func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("setting up the scenario: %v", err)
	}
}

var bg = context.Background()

func catalog() []refusal {
	return append([]refusal{
		// VPCs.
		{name: "VPC block too large", code: "InvalidVpc.Range", field: "cidr_block", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateVPC(bg, vpcInput("10.0.0.0/8")))
			}},
		{name: "VPC block with host bits, at plan", code: "InvalidParameterValue", field: "cidr_block", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				return nil, c.CheckVPC(bg, p, p.NewHolder(), vpcInput("10.0.0.1/16"))
			}},
		{name: "too many tags", code: "TagLimitExceeded", field: "tags_all", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := vpcInput("10.2.0.0/16")
				in.Tags = map[string]string{}
				for i := range 51 {
					in.Tags[fmt.Sprint("k", i)] = "v"
				}
				_, err := c.CreateVPC(bg, in)
				return nil, err
			}},
		{name: "reserved tag key", code: "InvalidParameterValue", field: "tags_all", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := vpcInput("10.2.0.0/16")
				in.Tags = map[string]string{"aws:owner": "me"}
				_, err := c.CreateVPC(bg, in)
				return nil, err
			}},
		{name: "unknown tenancy", code: "InvalidParameterValue", field: "instance_tenancy", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := vpcInput("10.2.0.0/16")
				in.InstanceTenancy = "host"
				_, err := c.CreateVPC(bg, in)
				return nil, err
			}},
		{name: "VPC block changed in place", code: "OperationNotPermitted", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.UpdateVPC(bg, n.otherVPC.ID, vpcInput("10.9.0.0/16"))
				return []string{n.otherVPC.ID}, err
			}},
		{name: "tenancy made dedicated in place", code: "InvalidParameterValue", field: "instance_tenancy",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := vpcInput("10.1.0.0/16")
				in.InstanceTenancy = cloud.TenancyDedicated
				_, err := c.UpdateVPC(bg, n.otherVPC.ID, in)
				return []string{n.otherVPC.ID}, err
			}},
		{name: "IPv6 block given up while a subnet uses it", code: "DependencyViolation", field: "assign_generated_ipv6_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := subnetInput(n.vpc.ID, "10.0.2.0/24")
				in.IPv6CIDRBlock = n.v6a
				s := mustCreateSubnet(t, c, in)
				_, err := c.UpdateVPC(bg, n.vpc.ID, vpcInput("10.0.0.0/16"))
				return []string{n.vpc.ID, s.ID}, err
			}},
		{name: "VPC deleted while in use", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				dependents := []string{n.igw.ID, n.subnet.ID, n.table.ID}
				sort.Strings(dependents)
				return append([]string{n.vpc.ID}, dependents...), c.DeleteVPC(bg, n.vpc.ID)
			}},

		{name: "second default VPC", code: "DefaultVpcAlreadyExists",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				vpc := must(c.CreateDefaultVPC(bg))(t)
				_, err := c.CreateDefaultVPC(bg)
				return []string{vpc.ID}, err
			}},

		{name: "default subnet without a default VPC", code: "DefaultVpcDoesNotExist", noObjects: "the region has no default VPC to name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateDefaultSubnet(bg, "us-east-1a"))
			}},
		{name: "second default subnet in a zone", code: "DefaultSubnetAlreadyExistsInAvailabilityZone",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				vpc := must(c.CreateDefaultVPC(bg))(t)
				subnets := must(c.FindSubnets(bg, cloud.SubnetFilter{VPCID: vpc.ID, AvailabilityZone: "us-east-1a"}))(t)
				return []string{subnets[0].ID}, errOf(c.CreateDefaultSubnet(bg, "us-east-1a"))
			}},

		// A VPC's default security group and network ACL.
		{name: "default security group deleted", code: "CannotDelete",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.vpc.DefaultSecurityGroupID, n.vpc.ID}, c.DeleteObject(bg, n.vpc.DefaultSecurityGroupID)
			}},
		{name: "default network ACL deleted", code: "InvalidParameterValue",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.vpc.DefaultNetworkACLID, n.vpc.ID}, c.DeleteObject(bg, n.vpc.DefaultNetworkACLID)
			}},

		// Network ACLs that users make.
		{name: "network ACL rule number used twice", code: "NetworkAclEntryAlreadyExists", field: "egress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				acl := must(c.CreateNetworkACL(bg, cloud.NetworkACLInput{VPCID: n.vpc.ID}))(t)
				rule := cloud.NetworkACLEntrySpec{Egress: true, RuleNumber: 100, Protocol: "-1", RuleAction: "allow", CIDRBlock: "0.0.0.0/0"}
				_, err := c.UpdateNetworkACL(bg, acl.ID, cloud.NetworkACLInput{ManageEgress: true, Entries: []cloud.NetworkACLEntrySpec{rule, rule}})
				return []string{acl.ID}, err
			}},
		{name: "prefix list with more entries than its maximum", code: "PrefixListMaxEntriesExceeded", field: "max_entries",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				list := must(c.CreateManagedPrefixList(bg, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 1,
					Entries: []cloud.PrefixListEntry{{CIDR: "10.0.0.0/8"}}}))(t)
				_, err := c.UpdateManagedPrefixList(bg, list.ID, cloud.ManagedPrefixListInput{Name: "corp", MaxEntries: 1,
					Entries: []cloud.PrefixListEntry{{CIDR: "10.0.0.0/8"}, {CIDR: "10.1.0.0/16"}}})
				return nil, err
			}, noObjects: ownValues},
		{name: "prefix list entry resource on a list with entry blocks", code: "InvalidParameterCombination",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				list := must(c.CreateManagedPrefixList(bg, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 3,
					Entries: []cloud.PrefixListEntry{{CIDR: "10.0.0.0/8"}}}))(t)
				_, err := c.CreatePrefixListEntry(bg, list.ID, cloud.PrefixListEntry{CIDR: "10.1.0.0/16"})
				return []string{list.ID, cloud.PrefixListEntryID(list.ID, "10.0.0.0/8")}, err
			}},
		{name: "prefix list entry that the list lacks", code: "InvalidPrefixListEntry.NotFound", field: "cidr",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				list := must(c.CreateManagedPrefixList(bg, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 3}))(t)
				_, err := c.PrefixListEntry(bg, list.ID, "10.1.0.0/16")
				return []string{list.ID}, err
			}},
		malformedImportID("malformed prefix list entry ID", cloud.ParsePrefixListEntryID, "pl-1"),
		{name: "network ACL with too many rules", code: "NetworkAclEntryLimitExceeded", field: "ingress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				var rules []cloud.NetworkACLEntrySpec
				for i := 1; i <= cloud.MaxNetworkACLEntries+1; i++ {
					rules = append(rules, cloud.NetworkACLEntrySpec{RuleNumber: i, Protocol: "-1", RuleAction: "deny", CIDRBlock: "10.9.0.0/16"})
				}
				_, err := c.CreateNetworkACL(bg, cloud.NetworkACLInput{VPCID: n.vpc.ID, ManageIngress: true, Entries: rules})
				return nil, err
			}, noObjects: "a new ACL has no ID yet"},
		{name: "network ACL rule resource with a number its ACL has", code: "NetworkAclEntryAlreadyExists", field: "rule_number",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				acl := must(c.CreateNetworkACL(bg, cloud.NetworkACLInput{VPCID: n.vpc.ID}))(t)
				rule := cloud.NetworkACLEntrySpec{RuleNumber: 100, Protocol: "-1", RuleAction: "allow", CIDRBlock: "0.0.0.0/0"}
				must(c.CreateNetworkACLEntry(bg, acl.ID, rule))(t)
				_, err := c.CreateNetworkACLEntry(bg, acl.ID, rule)
				return []string{acl.ID}, err
			}},
		{name: "network ACL rule missing", code: "InvalidNetworkAclEntry.NotFound", field: "rule_number",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				acl := must(c.CreateNetworkACL(bg, cloud.NetworkACLInput{VPCID: n.vpc.ID}))(t)
				err := c.DeleteNetworkACLEntry(bg, cloud.NetworkACLEntryKey{NetworkACLID: acl.ID, RuleNumber: 100})
				return []string{acl.ID}, err
			}},
		{name: "network ACL rules managed inline and by rule resources", code: "InvalidParameterCombination", field: "network_acl_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				acl := must(c.CreateNetworkACL(bg, cloud.NetworkACLInput{VPCID: n.vpc.ID}))(t)
				p := cloud.NewPlan()
				h := p.NewHolderNamed("the inline ACL")
				if err := c.CheckNetworkACL(bg, p, h, acl.ID, cloud.NetworkACLInput{VPCID: n.vpc.ID, ManageIngress: true}); err != nil {
					t.Fatal(err)
				}
				rule := cloud.NetworkACLEntrySpec{RuleNumber: 100, Protocol: "-1", RuleAction: "allow", CIDRBlock: "0.0.0.0/0"}
				return []string{acl.ID, "the inline ACL"}, c.CheckNetworkACLEntry(bg, p, p.NewHolder(), acl.ID, rule, false, nil)
			}},
		{name: "default network ACL adopting another ACL", code: "InvalidParameterValue", field: "default_network_acl_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				acl := must(c.CreateNetworkACL(bg, cloud.NetworkACLInput{VPCID: n.vpc.ID}))(t)
				_, err := c.AdoptDefaultNetworkACL(bg, acl.ID, cloud.NetworkACLInput{})
				return []string{acl.ID, n.vpc.ID}, err
			}},

		// Subnets.
		{name: "subnet outside its VPC", code: "InvalidSubnet.Range", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateSubnet(bg, subnetInput(n.vpc.ID, "10.1.0.0/24"))
				return []string{n.vpc.ID}, err
			}},
		{name: "subnet IPv6 block not a /64", code: "InvalidSubnet.Range", field: "ipv6_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := subnetInput(n.vpc.ID, "10.0.3.0/24")
				in.IPv6CIDRBlock = strings.Replace(n.v6a, "/64", "/60", 1)
				_, err := c.CreateSubnet(bg, in)
				return []string{n.vpc.ID}, err
			}},
		{name: "subnet IPv6 block in a VPC without one", code: "InvalidParameterValue", field: "ipv6_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := subnetInput(n.otherVPC.ID, "10.1.1.0/24")
				in.IPv6CIDRBlock = "2001:db8::/64"
				_, err := c.CreateSubnet(bg, in)
				return []string{n.otherVPC.ID}, err
			}},
		{name: "IPv6 addresses on creation without an IPv6 block", code: "InvalidParameterValue", field: "assign_ipv6_address_on_creation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := subnetInput(n.vpc.ID, "10.0.1.0/24")
				in.AssignIPv6AddressOnCreation = true
				_, err := c.UpdateSubnet(bg, n.subnet.ID, in)
				return []string{n.subnet.ID}, err
			}},
		{name: "subnet zone given twice", code: "InvalidParameterCombination", field: "availability_zone_id", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckSubnetZoneArguments(map[string]string{"availability_zone": "us-east-1a", "availability_zone_id": cloud.Unknown})
			}},
		{name: "elastic IP of your own address", code: "UnsupportedOperation", field: "address", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, c.CheckAddressArguments(map[string]string{"address": "192.0.2.10"})
			}},
		{name: "elastic IP from another pool", code: "InvalidParameterValue", field: "public_ipv4_pool", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, c.CheckAddressArguments(map[string]string{"public_ipv4_pool": "ipv4pool-ec2-0123456789abcdef0"})
			}},
		{name: "elastic IP of another network border group", code: "InvalidParameterValue", field: "network_border_group", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, c.CheckAddressArguments(map[string]string{"network_border_group": "us-east-1-wl1-bos-wlz-1"})
			}},
		{name: "elastic IP for EC2-Classic", code: "InvalidParameterValue", field: "vpc", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, c.CheckAddressArguments(map[string]string{"vpc": "false"})
			}},
		{name: "private NAT gateway with secondary elastic IPs", code: "InvalidParameterCombination", field: "secondary_allocation_ids", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckNATGatewaySecondaryArguments(cloud.ConnectivityPrivate, map[string]string{"secondary_allocation_ids": `["eipalloc-0123456789abcdef0"]`})
			}},
		{name: "public NAT gateway with a count of secondary addresses", code: "InvalidParameterCombination", field: "secondary_private_ip_address_count", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckNATGatewaySecondaryArguments(cloud.ConnectivityPublic, map[string]string{"secondary_private_ip_address_count": "0"})
			}},
		{name: "NAT gateway with secondary addresses", code: "UnsupportedOperation", field: "secondary_private_ip_addresses", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckNATGatewaySecondaryArguments(cloud.ConnectivityPrivate, map[string]string{"secondary_private_ip_addresses": `["10.0.1.9"]`})
			}},
		{name: "subnets overlap", code: "InvalidSubnet.Conflict", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateSubnet(bg, subnetInput(n.vpc.ID, "10.0.1.128/25"))
				return []string{n.vpc.ID, n.subnet.ID}, err
			}},
		{name: "subnet overlaps a subnet planned by another resource", code: "InvalidSubnet.Conflict", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				other := "the simcloud_subnet planned with cidr_block 10.0.9.0/24"
				noErr(t, c.CheckSubnet(bg, p, p.NewHolderNamed(other), subnetInput(n.vpc.ID, "10.0.9.0/24"), ""))
				return []string{n.vpc.ID, other}, c.CheckSubnet(bg, p, p.NewHolder(), subnetInput(n.vpc.ID, "10.0.9.0/25"), "")
			}},
		{name: "subnet block changed in place", code: "OperationNotPermitted",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.UpdateSubnet(bg, n.subnet.ID, subnetInput(n.vpc.ID, "10.0.1.0/25"))
				return []string{n.subnet.ID}, err
			}},
		{name: "subnet deleted while associated", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.Associate(bg, n.subnet.ID, n.table.ID))(t)
				return []string{n.subnet.ID, a.ID}, c.DeleteSubnet(bg, n.subnet.ID)
			}},
		{name: "unknown availability zone", code: "InvalidParameterValue", field: "availability_zone", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := subnetInput(n.vpc.ID, "10.0.4.0/24")
				in.AvailabilityZone = "us-east-1z"
				_, err := c.CreateSubnet(bg, in)
				return nil, err
			}},
		{name: "unknown availability zone ID", code: "InvalidParameterValue", field: "availability_zone_id", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(cloud.AvailabilityZoneByID(cloud.DefaultRegion, "use1-az9"))
			}},
		{name: "unknown region", code: "InvalidParameterValue", field: "region", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.ValidateRegion("moon-1")
			}},
		{name: "account ID not 12 digits", code: "InvalidParameterValue", field: "account_id", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.ValidateAccountID("1234")
			}},

		// Virtual private gateways and customer gateways.
		{name: "second virtual private gateway for a VPC", code: "InvalidVpcState", field: "vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				first := must(c.CreateVPNGateway(bg, cloud.VPNGatewayInput{VPCID: n.otherVPC.ID}))(t)
				second := must(c.CreateVPNGateway(bg, cloud.VPNGatewayInput{}))(t)
				return []string{n.otherVPC.ID, first.ID}, c.AttachVPNGateway(bg, second.ID, n.otherVPC.ID)
			}},
		{name: "two virtual private gateways planned for one VPC", code: "InvalidVpcState", field: "vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				first := "the simcloud_vpn_gateway planned with vpc_id " + n.otherVPC.ID
				in := cloud.VPNGatewayInput{VPCID: n.otherVPC.ID}
				noErr(t, c.CheckVPNGateway(bg, p, p.NewHolderNamed(first), in, "", ""))
				return []string{n.otherVPC.ID, first}, c.CheckVPNGatewayAttachment(bg, p, p.NewHolder(), cloud.VPNGatewayAttachment{VPCID: n.otherVPC.ID}, cloud.VPNGatewayAttachment{})
			}},
		{name: "virtual private gateway attached to a second VPC", code: "VpnGatewayAttachmentLimitExceeded", field: "vpn_gateway_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateVPNGateway(bg, cloud.VPNGatewayInput{VPCID: n.vpc.ID}))(t)
				return []string{g.ID, n.vpc.ID}, c.AttachVPNGateway(bg, g.ID, n.otherVPC.ID)
			}},
		{name: "virtual private gateway detached from a VPC it is not attached to", code: "InvalidVpnGatewayAttachment.NotFound", field: "vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateVPNGateway(bg, cloud.VPNGatewayInput{VPCID: n.vpc.ID}))(t)
				return []string{g.ID, n.otherVPC.ID, n.vpc.ID}, c.DetachVPNGateway(bg, g.ID, n.otherVPC.ID)
			}},
		{name: "attached virtual private gateway deleted", code: "IncorrectState",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateVPNGateway(bg, cloud.VPNGatewayInput{VPCID: n.vpc.ID}))(t)
				return []string{g.ID, n.vpc.ID}, c.DeleteObject(bg, g.ID)
			}},
		{name: "route propagation from a gateway not attached to the table's VPC", code: "Gateway.NotAttached", field: "vpn_gateway_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateVPNGateway(bg, cloud.VPNGatewayInput{VPCID: n.otherVPC.ID}))(t)
				want := cloud.VGWRoutePropagation{VPNGatewayID: g.ID, RouteTableID: n.table.ID}
				return []string{g.ID, n.vpc.ID, n.table.ID}, c.EnableVGWRoutePropagation(bg, want)
			}},
		{name: "Amazon side ASN out of range", code: "InvalidParameterValue", field: "amazon_side_asn", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateVPNGateway(bg, cloud.VPNGatewayInput{AmazonSideASN: "65535"}))
			}},
		{name: "customer gateway without an ASN", code: "MissingParameter", field: "bgp_asn", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateCustomerGateway(bg, cloud.CustomerGatewayInput{IPAddress: "203.0.113.12", Type: "ipsec.1"}))
			}},
		{name: "customer gateway with both ASNs", code: "InvalidParameterCombination", field: "bgp_asn_extended", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				in := cloud.CustomerGatewayInput{BGPASN: "65000", BGPASNExtended: "4200000000", Type: "ipsec.1"}
				return nil, c.CheckCustomerGateway(bg, p, p.NewHolder(), in)
			}},
		{name: "customer gateway ASN too large for bgp_asn", code: "InvalidParameterValue", field: "bgp_asn", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateCustomerGateway(bg, cloud.CustomerGatewayInput{BGPASN: "4200000000", Type: "ipsec.1"}))
			}},
		{name: "customer gateway of an unknown type", code: "InvalidParameterValue", field: "type", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateCustomerGateway(bg, cloud.CustomerGatewayInput{BGPASN: "65000", Type: "ipsec.2"}))
			}},

		// Internet gateways.
		{name: "second internet gateway for a VPC", code: "InvalidParameterValue", field: "vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateInternetGateway(bg, n.vpc.ID, nil)
				return []string{n.vpc.ID, n.igw.ID}, err
			}},
		{name: "two internet gateways planned for one VPC", code: "InvalidParameterValue", field: "vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				first := "the simcloud_internet_gateway planned with vpc_id " + n.otherVPC.ID
				want := cloud.InternetGatewayAttachment{VPCID: n.otherVPC.ID}
				noErr(t, c.CheckInternetGatewayAttachment(bg, p, p.NewHolderNamed(first), want, cloud.InternetGatewayAttachment{}))
				return []string{n.otherVPC.ID, first}, c.CheckInternetGatewayAttachment(bg, p, p.NewHolder(), want, cloud.InternetGatewayAttachment{})
			}},
		{name: "gateway attached to a second VPC", code: "Resource.AlreadyAssociated", field: "internet_gateway_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.igw.ID, n.vpc.ID}, c.AttachInternetGateway(bg, n.igw.ID, n.otherVPC.ID)
			}},
		{name: "gateway detached from a VPC it is not attached to", code: "Gateway.NotAttached", field: "vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.igw.ID, n.otherVPC.ID, n.vpc.ID}, c.DetachInternetGateway(bg, n.igw.ID, n.otherVPC.ID)
			}},
		{name: "attached gateway deleted", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.igw.ID, n.vpc.ID}, c.DeleteInternetGateway(bg, n.igw.ID)
			}},
		malformedImportID("malformed attachment import ID", cloud.ParseInternetGatewayAttachmentID, "igw-1"),

		// Routes.
		{name: "route more specific than the local route", code: "InvalidParameterValue", field: "destination_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "10.0.5.0/24", Target: n.igw.ID})
				return []string{n.table.ID, n.vpc.ID}, err
			}},
		{name: "route to another VPC's gateway", code: "InvalidParameterValue", field: "gateway_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				igw := mustCreateIGW(t, c, n.otherVPC.ID)
				_, err := c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "8.8.8.0/24", Target: igw.ID})
				return []string{n.table.ID, n.vpc.ID, igw.ID}, err
			}},
		{name: "IPv4 route to an egress-only gateway", code: "InvalidParameterCombination", field: "egress_only_gateway_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eigw := must(c.CreateEgressOnlyInternetGateway(bg, n.vpc.ID, nil))(t)
				_, err := c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "8.8.0.0/16", Target: eigw.ID})
				return []string{n.table.ID, eigw.ID}, err
			}},
		{name: "IPv4 route to an egress-only gateway known after apply", code: "InvalidParameterCombination", field: "egress_only_gateway_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				spec := cloud.RouteSpec{Destination: "0.0.0.0/0", Target: cloud.UnknownID(cloud.KindEgressOnlyInternetGateway)}
				return []string{n.table.ID}, c.CheckRoute(bg, p, p.NewHolder(), n.table.ID, spec, false)
			}},
		{name: "route arguments: an IPv4 destination for an egress-only gateway", code: "InvalidParameterCombination", field: "destination_cidr_block", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckRouteArguments(map[string]string{"destination_cidr_block": "0.0.0.0/0", "egress_only_gateway_id": cloud.Unknown})
			}},
		{name: "route arguments: two targets, both known after apply", code: "InvalidParameterCombination", field: "gateway_id", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckRouteArguments(map[string]string{"destination_ipv6_cidr_block": "::/0",
					"gateway_id": cloud.Unknown, "egress_only_gateway_id": cloud.Unknown})
			}},
		{name: "route arguments: no target", code: "MissingParameter", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckRouteArguments(map[string]string{"destination_cidr_block": "0.0.0.0/0"})
			}},
		{name: "route arguments: two destinations", code: "InvalidParameterCombination", field: "ipv6_cidr_block", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckRouteArguments(map[string]string{"cidr_block": cloud.Unknown, "ipv6_cidr_block": "::/0", "gateway_id": n.igw.ID})
			}},
		{name: "route arguments: a target the cloud lacks", code: "UnsupportedOperation", field: "transit_gateway_id", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckRouteArguments(map[string]string{"cidr_block": "0.0.0.0/0", "transit_gateway_id": "tgw-0123456789abcdef0"})
			}},
		{name: "route to an AWS-managed prefix list", code: "InvalidParameterValue", field: "destination_prefix_list_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				pl := cloud.PrefixLists(cloud.DefaultRegion)[0].ID
				_, err := c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: pl, Target: n.igw.ID})
				return []string{n.table.ID, pl}, err
			}},
		{name: "route to an unknown prefix list", code: "InvalidPrefixListID.NotFound", field: "destination_prefix_list_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "pl-0123456789abcdef0", Target: n.igw.ID})
				return []string{"pl-0123456789abcdef0"}, err
			}},
		{name: "routed prefix list deleted", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				l := must(c.CreateManagedPrefixList(bg, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 1}))(t)
				must(c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: l.ID, Target: n.igw.ID}))(t)
				return []string{l.ID, cloud.RouteID(n.table.ID, l.ID)}, c.DeleteObject(bg, l.ID)
			}},
		{name: "route known after apply to a destination the table already routes", code: "RouteAlreadyExists", field: "destination_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				spec := cloud.RouteSpec{Destination: "0.0.0.0/0", Target: cloud.UnknownID(cloud.KindNATGateway)}
				return []string{n.table.ID, cloud.RouteID(n.table.ID, "0.0.0.0/0")}, c.CheckRoute(bg, p, p.NewHolder(), n.table.ID, spec, false)
			}},
		{name: "route to a gateway that does not exist", code: "InvalidGatewayID.NotFound", field: "gateway_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "8.8.0.0/16", Target: unknownIGW})
				return []string{unknownIGW}, err
			}},
		{name: "route to a destination the table already routes", code: "RouteAlreadyExists", field: "destination_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID})
				return []string{n.table.ID, cloud.RouteID(n.table.ID, "0.0.0.0/0")}, err
			}},
		{name: "two routes planned to one destination", code: "RouteAlreadyExists", field: "destination_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				first := "the simcloud_route planned for 8.8.8.0/24"
				spec := cloud.RouteSpec{Destination: "8.8.8.0/24", Target: n.igw.ID}
				noErr(t, c.CheckRoute(bg, p, p.NewHolderNamed(first), n.table.ID, spec, false))
				return []string{n.table.ID, first}, c.CheckRoute(bg, p, p.NewHolder(), n.table.ID, spec, false)
			}},
		{name: "one destination twice in a new table's routes", code: "RouteAlreadyExists", field: "route",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				spec := cloud.RouteSpec{Destination: "8.8.8.0/24", Target: n.igw.ID}
				in := cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true, Routes: []cloud.RouteSpec{spec, spec}}
				return []string{"a new route table of " + n.vpc.ID}, c.CheckRouteTable(bg, p, p.NewHolder(), "", in)
			}},
		{name: "simcloud_route on a table with inline routes", code: "InvalidParameterCombination", field: "route_table_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				inline := must(c.CreateRouteTable(bg, cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true,
					Routes: []cloud.RouteSpec{{Destination: "8.8.8.0/24", Target: n.igw.ID}}}))(t)
				_, err := c.CreateRoute(bg, inline.ID, cloud.RouteSpec{Destination: "9.9.9.0/24", Target: n.igw.ID})
				return []string{inline.ID, cloud.RouteID(inline.ID, "8.8.8.0/24")}, err
			}},
		{name: "route replaced that does not exist", code: "InvalidParameterValue", field: "destination_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.ReplaceRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "9.9.9.0/24", Target: n.igw.ID})
				return []string{n.table.ID}, err
			}},
		{name: "local route replaced from outside Terraform", code: "InvalidParameterValue",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.ReplaceRouteTarget(bg, n.table.ID, cloud.RouteSpec{Destination: "10.0.0.0/16", Target: n.igw.ID})
				return []string{n.table.ID, cloud.RouteID(n.table.ID, "10.0.0.0/16")}, err
			}},
		{name: "tags on an ID of no taggable kind", code: "InvalidID",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.ChangeTags(bg, "r-0123456789abcdef0", map[string]string{"k": "v"}, nil)
				return []string{"r-0123456789abcdef0"}, err
			}},
		{name: "route read that does not exist", code: "InvalidRoute.NotFound",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.Route(bg, n.table.ID, "9.9.9.0/24")
				return []string{n.table.ID}, err
			}},
		{name: "local route deleted", code: "InvalidParameterValue",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.table.ID, cloud.RouteID(n.table.ID, "10.0.0.0/16")}, c.DeleteRoute(bg, n.table.ID, "10.0.0.0/16")
			}},
		malformedImportID("malformed route import ID", cloud.ParseRouteImportID, "rtb-1"),

		// Route tables and associations.
		{name: "subnet associated with another VPC's table", code: "InvalidParameterValue", field: "route_table_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				s := mustCreateSubnet(t, c, subnetInput(n.otherVPC.ID, "10.1.1.0/24"))
				_, err := c.Associate(bg, s.ID, n.table.ID)
				return []string{n.table.ID, s.ID, n.vpc.ID, n.otherVPC.ID}, err
			}},
		{name: "subnet associated twice", code: "Resource.AlreadyAssociated", field: "subnet_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.Associate(bg, n.subnet.ID, n.table.ID))(t)
				second := must(c.CreateRouteTable(bg, cloud.RouteTableInput{VPCID: n.vpc.ID}))(t)
				_, err := c.Associate(bg, n.subnet.ID, second.ID)
				return []string{second.ID, n.subnet.ID, a.ID, n.table.ID}, err
			}},
		{name: "subnet association planned twice", code: "Resource.AlreadyAssociated", field: "subnet_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				first := "the simcloud_route_table_association planned for " + n.subnet.ID
				noErr(t, c.CheckAssociation(bg, p, p.NewHolderNamed(first), n.subnet.ID, n.table.ID, ""))
				err := c.CheckAssociation(bg, p, p.NewHolder(), n.subnet.ID, n.vpc.MainRouteTableID, "")
				return []string{n.vpc.MainRouteTableID, n.subnet.ID, first, n.table.ID}, err
			}},
		{name: "association imported that does not exist", code: "InvalidAssociationID.NotFound",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.SubnetAssociation(bg, n.subnet.ID, n.table.ID)
				return []string{n.subnet.ID, n.table.ID}, err
			}},
		{name: "main association disassociated", code: "InvalidParameterValue",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.MainAssociation(bg, n.vpc.ID))(t)
				return []string{a.ID, n.vpc.MainRouteTableID, n.vpc.ID}, c.Disassociate(bg, a.ID)
			}},
		{name: "another VPC's table made main", code: "InvalidParameterValue", field: "route_table_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, _, err := c.ReplaceMainRouteTable(bg, n.otherVPC.ID, n.table.ID)
				return []string{n.table.ID, n.otherVPC.ID, n.vpc.ID}, err
			}},
		{name: "main table replaced twice in one plan", code: "Resource.AlreadyAssociated", field: "vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				first := "the simcloud_main_route_table_association planned for " + n.vpc.ID
				noErr(t, c.CheckMainRouteTableAssociation(bg, p, p.NewHolderNamed(first), n.vpc.ID, n.table.ID))
				err := c.CheckMainRouteTableAssociation(bg, p, p.NewHolder(), n.vpc.ID, n.vpc.MainRouteTableID)
				return []string{n.vpc.ID, first, n.table.ID}, err
			}},
		{name: "main table deleted", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.vpc.MainRouteTableID, n.vpc.ID}, c.DeleteRouteTable(bg, n.vpc.MainRouteTableID)
			}},
		{name: "associated table deleted", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.Associate(bg, n.subnet.ID, n.table.ID))(t)
				return []string{n.table.ID, a.ID, n.subnet.ID}, c.DeleteRouteTable(bg, n.table.ID)
			}},
		{name: "table adopted as default that is not main", code: "InvalidParameterValue", field: "default_route_table_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.AdoptRouteTable(bg, n.table.ID, cloud.RouteTableInput{})
				return []string{n.table.ID, n.vpc.ID}, err
			}},
		{name: "table planned as default that is not main", code: "InvalidParameterValue", field: "default_route_table_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				return []string{n.table.ID, n.vpc.ID}, c.CheckAdoptRouteTable(bg, p, p.NewHolder(), n.table.ID, cloud.RouteTableInput{})
			}},
		malformedImportID("malformed association import ID", cloud.ParseAssociationImportID, "subnet-1"),
		{name: "unknown network path direction", code: "InvalidParameterValue", field: "direction", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.NetworkPath(bg, n.subnet.ID, "sideways", cloud.IPv4))
			}},
		{name: "unknown network path IP version", code: "InvalidParameterValue", field: "ip_version", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.NetworkPath(bg, n.subnet.ID, cloud.Outbound, "ipv5"))
			}},

		// NAT gateways and elastic IPs.
		{name: "address pool exhausted", code: "AddressLimitExceeded", noObjects: "the simulated address pool, not an object, is exhausted",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				for range 1000 {
					if _, err := c.AllocateAddress(bg, nil); err != nil {
						return nil, err
					}
				}
				t.Fatal("the pool never ran out")
				return nil, nil
			}},
		{name: "address released while a NAT gateway uses it", code: "InvalidIPAddress.InUse",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := mustAllocate(t, c)
				nat := must(c.CreateNATGateway(bg, natInput(n.subnet.ID, eip.AllocationID, cloud.ConnectivityPublic)))(t)
				return []string{eip.AllocationID, nat.ID}, c.ReleaseAddress(bg, eip.AllocationID)
			}},
		{name: "unknown connectivity type", code: "InvalidParameterValue", field: "connectivity_type", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateNATGateway(bg, natInput(n.subnet.ID, "", "sideways")))
			}},
		{name: "private NAT gateway with an address", code: "InvalidParameterCombination", field: "allocation_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := mustAllocate(t, c)
				_, err := c.CreateNATGateway(bg, natInput(n.subnet.ID, eip.AllocationID, cloud.ConnectivityPrivate))
				return []string{eip.AllocationID}, err
			}},
		{name: "public NAT gateway without an address", code: "MissingParameter", field: "allocation_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.CreateNATGateway(bg, natInput(n.subnet.ID, "", cloud.ConnectivityPublic))
				return []string{n.subnet.ID}, err
			}},
		{name: "address given to a second NAT gateway", code: "Resource.AlreadyAssociated", field: "allocation_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := mustAllocate(t, c)
				nat := must(c.CreateNATGateway(bg, natInput(n.subnet.ID, eip.AllocationID, cloud.ConnectivityPublic)))(t)
				_, err := c.CreateNATGateway(bg, natInput(n.subnet.ID, eip.AllocationID, cloud.ConnectivityPublic))
				return []string{eip.AllocationID, nat.ID}, err
			}},
		{name: "address planned for two NAT gateways", code: "Resource.AlreadyAssociated", field: "allocation_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := mustAllocate(t, c)
				p := cloud.NewPlan()
				first := "the simcloud_nat_gateway planned in " + n.subnet.ID
				in := natInput(n.subnet.ID, eip.AllocationID, cloud.ConnectivityPublic)
				noErr(t, c.CheckNATGateway(bg, p, p.NewHolderNamed(first), in, ""))
				return []string{eip.AllocationID, first}, c.CheckNATGateway(bg, p, p.NewHolder(), in, "")
			}},
		{name: "public NAT gateway in a VPC without an internet gateway", code: "Gateway.NotAttached", field: "subnet_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				s := mustCreateSubnet(t, c, subnetInput(n.otherVPC.ID, "10.1.1.0/24"))
				eip := mustAllocate(t, c)
				_, err := c.CreateNATGateway(bg, natInput(s.ID, eip.AllocationID, cloud.ConnectivityPublic))
				return []string{n.otherVPC.ID, s.ID}, err
			}},
		{name: "subnet out of addresses for NAT gateways", code: "InsufficientFreeAddressesInSubnet", field: "subnet_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				s := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.7.0/28"))
				for range 20 {
					if _, err := c.CreateNATGateway(bg, natInput(s.ID, "", cloud.ConnectivityPrivate)); err != nil {
						return []string{s.ID}, err
					}
				}
				t.Fatal("the subnet never ran out of addresses")
				return nil, nil
			}},

		{name: "key pair imported under a name taken", code: "InvalidKeyPair.Duplicate", field: "key_name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				k := must(c.ImportKeyPair(bg, cloud.KeyPairInput{Name: "deployer", PublicKey: testED25519PublicKey}))(t)
				_, err := c.ImportKeyPair(bg, cloud.KeyPairInput{Name: "deployer", PublicKey: testRSAPublicKey})
				return []string{k.ID}, err
			}},
		{name: "key pair of a key EC2 does not import", code: "InvalidKey.Format", field: "public_key", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.ImportKeyPair(bg, cloud.KeyPairInput{Name: "deployer", PublicKey: testECDSAPublicKey}))
			}},
		{name: "images of an owner that is no account", code: "InvalidUserID.Malformed", field: "owners", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.DescribeImages(cloud.ImageQuery{Owners: []string{"canonical"}}))
			}},
		{name: "key pair read by a name no pair has", code: "InvalidKeyPair.NotFound", field: "key_name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{"missing"}, errOf(c.KeyPairByName(bg, "missing"))
			}},

		// Unknown and malformed IDs, one pair per kind of object.
		lookup("key pair", "InvalidKeyPair.Malformed", "vpc-1", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.KeyPair](c, bg, id)) }),
		lookup("virtual private gateway", "InvalidVpnGatewayID.NotFound", "vgw-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.VPNGateway](c, bg, id)) }),
		lookup("virtual private gateway", "InvalidVpnGatewayID.Malformed", "igw-1", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.VPNGateway](c, bg, id)) }),
		lookup("customer gateway", "InvalidCustomerGatewayID.NotFound", "cgw-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.CustomerGateway](c, bg, id)) }),
		lookup("customer gateway", "InvalidCustomerGatewayID.Malformed", "cgw-XYZ", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.CustomerGateway](c, bg, id)) }),
		lookup("VPC", "InvalidVpcID.NotFound", unknownVPC, func(c *cloud.Client, id string) error { return errOf(c.VPC(bg, id)) }),
		lookup("VPC", "InvalidVpcID.Malformed", "subnet-1", func(c *cloud.Client, id string) error { return errOf(c.VPC(bg, id)) }),
		lookup("subnet", "InvalidSubnetID.NotFound", unknownSub, func(c *cloud.Client, id string) error { return errOf(c.Subnet(bg, id)) }),
		lookup("subnet", "InvalidSubnetID.Malformed", "vpc-1", func(c *cloud.Client, id string) error { return errOf(c.Subnet(bg, id)) }),
		lookup("route table", "InvalidRouteTableID.NotFound", unknownRtb, func(c *cloud.Client, id string) error { return errOf(c.RouteTable(bg, id)) }),
		lookup("route table", "InvalidRouteTableID.Malformed", "rtb-XYZ", func(c *cloud.Client, id string) error { return errOf(c.RouteTable(bg, id)) }),
		lookup("association", "InvalidAssociationID.NotFound", unknownAsoc, func(c *cloud.Client, id string) error { return errOf(c.Association(bg, id)) }),
		lookup("association", "InvalidAssociationID.Malformed", "rtb-1", func(c *cloud.Client, id string) error { return errOf(c.Association(bg, id)) }),
		lookup("internet gateway", "InvalidInternetGatewayID.NotFound", unknownIGW, func(c *cloud.Client, id string) error { return errOf(c.InternetGateway(bg, id)) }),
		lookup("internet gateway", "InvalidInternetGatewayID.Malformed", "eigw-1", func(c *cloud.Client, id string) error { return errOf(c.InternetGateway(bg, id)) }),
		lookup("egress-only gateway", "InvalidGatewayID.NotFound", unknownEIGW, func(c *cloud.Client, id string) error {
			return errOf(cloud.Describe[cloud.EgressOnlyInternetGateway](c, bg, id))
		}),
		lookup("egress-only gateway", "InvalidEgressOnlyInternetGatewayId.Malformed", "igw-1", func(c *cloud.Client, id string) error {
			return errOf(cloud.Describe[cloud.EgressOnlyInternetGateway](c, bg, id))
		}),
		lookup("elastic IP", "InvalidAllocationID.NotFound", unknownEIP, func(c *cloud.Client, id string) error { return errOf(c.ElasticIP(bg, id)) }),
		lookup("elastic IP", "InvalidAllocationID.Malformed", "eip-1", func(c *cloud.Client, id string) error { return errOf(c.ElasticIP(bg, id)) }),
		lookup("NAT gateway", "NatGatewayNotFound", unknownNAT, func(c *cloud.Client, id string) error { return errOf(c.NATGateway(bg, id)) }),
		lookup("NAT gateway", "InvalidNatGatewayID.Malformed", "natgw-1", func(c *cloud.Client, id string) error { return errOf(c.NATGateway(bg, id)) }),
		lookup("security group", "InvalidGroup.NotFound", "sg-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.SecurityGroup](c, bg, id)) }),
		lookup("security group", "InvalidGroupId.Malformed", "sgr-1", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.SecurityGroup](c, bg, id)) }),
		lookup("security group rule", "InvalidSecurityGroupRuleId.NotFound", "sgr-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(c.RevokeSecurityGroupRule(bg, id)) }),
		lookup("security group rule", "InvalidSecurityGroupRuleId.Malformed", "sg-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(c.RevokeSecurityGroupRule(bg, id)) }),
		lookup("network ACL", "InvalidNetworkAclID.NotFound", "acl-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.NetworkACL](c, bg, id)) }),
		lookup("network ACL", "InvalidNetworkAclID.Malformed", "aclassoc-1", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.NetworkACL](c, bg, id)) }),
		// Security groups.
		{name: "security group name taken in its VPC", code: "InvalidGroup.Duplicate", field: "name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				first := must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web")))(t)
				_, err := c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web"))
				return []string{n.vpc.ID, first.ID}, err
			}},
		{name: "security group name taken by another of the plan", code: "InvalidGroup.Duplicate", field: "name",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				noErr(t, c.CheckSecurityGroup(bg, p, p.NewHolderNamed("the first web group"), groupInput(n.vpc.ID, "web"), ""))
				return []string{n.vpc.ID, "the first web group"}, c.CheckSecurityGroup(bg, p, p.NewHolder(), groupInput(n.vpc.ID, "web"), "")
			}},
		{name: "reserved security group name", code: "InvalidParameterValue", field: "name", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "sg-web")))
			}},
		{name: "security group rule given twice", code: "InvalidPermission.Duplicate", field: "ingress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web")))(t)
				in := groupInput(n.vpc.ID, "web")
				in.Ingress = []cloud.SecurityGroupRule{tcpFrom("0.0.0.0/0", 22), tcpFrom("0.0.0.0/0", 22)}
				in.Ingress[1].IPProtocol, in.Ingress[1].Description = "6", "the same rule, described"
				_, err := c.UpdateSecurityGroup(bg, g.ID, in)
				return []string{g.ID}, err
			}},
		{name: "too many inbound rules", code: "RulesPerSecurityGroupLimitExceeded", field: "ingress", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := groupInput(n.vpc.ID, "web")
				for i := range 61 {
					in.Ingress = append(in.Ingress, tcpFrom(fmt.Sprintf("10.9.%d.0/24", i), 443))
				}
				_, err := c.CreateSecurityGroup(bg, in)
				return nil, err
			}},
		{name: "security group rule refers to a group of another VPC", code: "InvalidParameter", field: "ingress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				other := must(c.CreateSecurityGroup(bg, groupInput(n.otherVPC.ID, "web")))(t)
				in := groupInput(n.vpc.ID, "app")
				in.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 8080, ToPort: 8080, ReferencedGroupID: other.ID}}
				_, err := c.CreateSecurityGroup(bg, in)
				return []string{other.ID, n.otherVPC.ID, n.vpc.ID}, err
			}},
		{name: "security group deleted while another's rule refers to it", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				web := must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web")))(t)
				in := groupInput(n.vpc.ID, "app")
				in.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 8080, ToPort: 8080, ReferencedGroupID: web.ID}}
				app := must(c.CreateSecurityGroup(bg, in))(t)
				return []string{web.ID, app.ID}, c.DeleteSecurityGroup(bg, web.ID)
			}},
		{name: "security group rule names a prefix list that does not exist", code: "InvalidPrefixListID.NotFound", field: "ingress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := groupInput(n.vpc.ID, "web")
				in.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListID: "pl-0123456789abcdef0"}}
				return []string{"pl-0123456789abcdef0"}, errOf(c.CreateSecurityGroup(bg, in))
			}},
		{name: "security group rule resource names a prefix list that does not exist", code: "InvalidPrefixListID.NotFound", field: "prefix_list_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web")))(t)
				p := cloud.NewPlan()
				return []string{"pl-0123456789abcdef0"}, c.CheckSecurityGroupRules(bg, p, p.NewHolder(), cloud.SecurityGroupRulesInput{GroupID: g.ID,
					Rules: []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListID: "pl-0123456789abcdef0"}}})
			}},
		{name: "prefix lists that weigh more inbound rules than a group may have", code: "RulesPerSecurityGroupLimitExceeded", field: "ingress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				l := must(c.CreateManagedPrefixList(bg, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 40}))(t)
				in := groupInput(n.vpc.ID, "web")
				in.Ingress = []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListID: l.ID},
					{IPProtocol: "tcp", FromPort: 443, ToPort: 443, PrefixListID: l.ID}}
				return []string{l.ID}, errOf(c.CreateSecurityGroup(bg, in))
			}},
		{name: "prefix list deleted while a security group rule names it", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				l := must(c.CreateManagedPrefixList(bg, cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 1}))(t)
				in := groupInput(n.vpc.ID, "web")
				in.Egress = []cloud.SecurityGroupRule{{IPProtocol: "-1", PrefixListID: l.ID}}
				g := must(c.CreateSecurityGroup(bg, in))(t)
				return []string{l.ID, g.Rules[0].ID}, c.DeleteObject(bg, l.ID)
			}},
		{name: "security group rule with an unknown protocol", code: "InvalidParameterValue", field: "egress", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := groupInput(n.vpc.ID, "web")
				in.Egress = []cloud.SecurityGroupRule{{IPProtocol: "tcpp", CIDRIPv4: "0.0.0.0/0"}}
				_, err := c.CreateSecurityGroup(bg, in)
				return nil, err
			}},

		lookup("security group rule", "InvalidSecurityGroupRuleId.NotFound", "sgr-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(c.SecurityGroupRule(bg, id)) }),
		lookup("security group rule", "InvalidSecurityGroupRuleId.Malformed", "sg-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(c.SecurityGroupRule(bg, id)) }),
		{name: "rule resource repeats a rule of its group", code: "InvalidPermission.Duplicate", field: "ingress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web")))(t)
				ssh := cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{tcpFrom("10.0.0.0/8", 22)}}
				first := must(c.PutSecurityGroupRules(bg, ssh))(t)
				_, err := c.PutSecurityGroupRules(bg, ssh)
				return []string{g.ID, first[0].ID}, err
			}},
		{name: "group's inbound rules managed inline and by rule resources", code: "InvalidParameterCombination", field: "ingress",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web")))(t)
				added := must(c.PutSecurityGroupRules(bg, cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{tcpFrom("10.0.0.0/8", 22)}}))(t)
				in := groupInput(n.vpc.ID, "web")
				in.Ingress = []cloud.SecurityGroupRule{tcpFrom("10.0.0.0/8", 443)}
				_, err := c.UpdateSecurityGroup(bg, g.ID, in)
				return []string{g.ID, added[0].ID}, err
			}},
		// DHCP options sets.
		lookup("DHCP options set", "InvalidDhcpOptionID.NotFound", "dopt-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.DHCPOptions](c, bg, id)) }),
		lookup("DHCP options set", "InvalidDhcpOptionsId.Malformed", "vpc-1", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.DHCPOptions](c, bg, id)) }),
		{name: "five domain name servers", code: "InvalidParameterValue", field: "domain_name_servers", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				return nil, c.CheckDHCPOptions(bg, p, p.NewHolder(), cloud.DHCPOptionsInput{
					DomainNameServers: []string{"10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"}})
			}},
		{name: "NetBIOS node type 3", code: "InvalidParameterValue", field: "netbios_node_type", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateDHCPOptions(bg, cloud.DHCPOptionsInput{NetbiosNodeType: "3"}))
			}},
		{name: "IPv6 lease time below 140 seconds", code: "InvalidParameterValue", field: "ipv6_address_preferred_lease_time", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateDHCPOptions(bg, cloud.DHCPOptionsInput{IPv6AddressPreferredLeaseTime: "60"}))
			}},
		{name: "DHCP options set deleted while a VPC uses it", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				o := must(c.CreateDHCPOptions(bg, cloud.DHCPOptionsInput{DomainName: "corp.example"}))(t)
				noErr(t, c.AssociateDHCPOptions(bg, o.ID, n.otherVPC.ID))
				return []string{o.ID, n.otherVPC.ID}, c.DeleteObject(bg, o.ID)
			}},
		{name: "VPC associated with an unknown DHCP options set", code: "InvalidDhcpOptionID.NotFound", field: "dhcp_options_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{"dopt-0123456789abcdef1"}, c.AssociateDHCPOptions(bg, "dopt-0123456789abcdef1", n.vpc.ID)
			}},

		// Secondary IPv4 blocks of a VPC.
		lookup("VPC CIDR block association", "InvalidVpcCidrBlockAssociationID.NotFound", "vpc-cidr-assoc-0123456789abcdef0",
			func(c *cloud.Client, id string) error { return c.DisassociateVPCCIDRBlock(bg, id) }),
		{name: "secondary block too large", code: "InvalidVpc.Range", field: "cidr_block", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.AssociateVPCCIDRBlock(bg, n.otherVPC.ID, "10.4.0.0/15"))
			}},
		{name: "secondary block from another private range", code: "InvalidVpc.Range", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.AssociateVPCCIDRBlock(bg, n.otherVPC.ID, "192.168.0.0/16")
				return []string{n.otherVPC.ID}, err
			}},
		{name: "secondary block overlapping the primary one", code: "CidrConflict", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, err := c.AssociateVPCCIDRBlock(bg, n.otherVPC.ID, "10.1.128.0/17")
				return []string{n.otherVPC.ID}, err
			}},
		{name: "secondary block taking a route's destination", code: "CidrConflict", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				must(c.CreateRoute(bg, n.table.ID, cloud.RouteSpec{Destination: "10.8.1.0/24", Target: n.igw.ID}))(t)
				_, err := c.AssociateVPCCIDRBlock(bg, n.vpc.ID, "10.8.0.0/16")
				return []string{n.vpc.ID, n.table.ID}, err
			}},
		{name: "a sixth IPv4 block", code: "CidrLimitExceeded", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				for i := range 4 {
					must(c.AssociateVPCCIDRBlock(bg, n.otherVPC.ID, fmt.Sprintf("10.%d.0.0/16", 20+i)))(t)
				}
				_, err := c.AssociateVPCCIDRBlock(bg, n.otherVPC.ID, "10.30.0.0/16")
				return []string{n.otherVPC.ID}, err
			}},
		{name: "secondary block disassociated while a subnet uses it", code: "InvalidCidrBlock.InUse",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.AssociateVPCCIDRBlock(bg, n.otherVPC.ID, "10.40.0.0/16"))(t)
				s := mustCreateSubnet(t, c, subnetInput(n.otherVPC.ID, "10.40.3.0/24"))
				return []string{a.ID, n.otherVPC.ID, s.ID}, c.DisassociateVPCCIDRBlock(bg, a.ID)
			}},

		{name: "secondary block's netmask length without a pool", code: "InvalidParameterCombination", field: "ipv4_netmask_length", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckIPAMArguments("ipv4_netmask_length", "20", "cidr_block", "")
			}},
		{name: "secondary block left out", code: "MissingParameter", field: "cidr_block", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, cloud.CheckIPAMArguments("ipv4_netmask_length", "", "cidr_block", "")
			}},

		{name: "a sixth IPv6 block", code: "CidrLimitExceeded", field: "assign_generated_ipv6_cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				for range 4 {
					must(c.AssociateVPCIPv6Block(bg, n.vpc.ID))(t)
				}
				_, err := c.AssociateVPCIPv6Block(bg, n.vpc.ID)
				return []string{n.vpc.ID}, err
			}},

		// Kinds no operation looks up by ID; their IDs are still checked
		// where the provider validates arguments.
		lookup("VPC CIDR block association", "InvalidVpcCidrBlockAssociationID.Malformed", "x", func(_ *cloud.Client, id string) error {
			return cloud.ValidateID(cloud.KindVPCCIDRAssociation, id, "id")
		}),
		lookup("subnet CIDR block association", "InvalidSubnetCidrBlockAssociationID.Malformed", "x", func(_ *cloud.Client, id string) error {
			return cloud.ValidateID(cloud.KindSubnetCIDRAssociation, id, "id")
		}),
		lookup("network interface", "InvalidNetworkInterfaceID.Malformed", "x", func(_ *cloud.Client, id string) error {
			return cloud.ValidateID(cloud.KindNetworkInterface, id, "id")
		}),
	}, slices.Concat(subnetGroupRefusals(), blockPublicAccessRefusals(), loggingCatalog(), endpointRefusals(), ipamRefusals(), peeringRefusals(), instanceRefusals(), interfaceAttachmentRefusals())...)
}

// lookup is the scenario of reading an object by an ID that is unknown or
// malformed: the refusal names the ID given.
func lookup(kind, code, id string, read func(c *cloud.Client, id string) error) refusal {
	return refusal{name: kind + " " + id, code: code, field: "id",
		trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) { return []string{id}, read(c, id) }}
}

// groupInput is a security group that manages both directions of its
// rules, with none yet.
func groupInput(vpcID, name string) cloud.SecurityGroupInput {
	return cloud.SecurityGroupInput{VPCID: vpcID, GroupName: name, Description: "test group", ManageIngress: true, ManageEgress: true}
}

// tcpFrom is an inbound rule for one TCP port from a CIDR block.
func tcpFrom(cidr string, port int) cloud.SecurityGroupRule {
	return cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: port, ToPort: port, CIDRIPv4: cidr}
}

func natInput(subnetID, allocationID, connectivity string) cloud.NATGatewayInput {
	return cloud.NATGatewayInput{SubnetID: subnetID, AllocationID: allocationID, ConnectivityType: connectivity}
}

// TestErrorCatalog triggers every refusal of the catalog on a cloud of its
// own and checks that it teaches: AWS's code and message, the objects
// involved, one sentence on the fix, and the argument at fault.
func TestErrorCatalog(t *testing.T) {
	for _, r := range catalog() {
		t.Run(r.code+"/"+r.name, func(t *testing.T) {
			c := freshClient(t)
			n := newCatalogNet(t, c)
			objects, err := r.trigger(t, c, n)
			for _, problem := range refusalProblems(r, err, objects) {
				t.Error(problem)
			}
		})
	}
}

// refusalProblems lists what is wrong with err as the refusal r describes,
// which must name objects.
func refusalProblems(r refusal, err error, objects []string) []string {
	var ce *cloud.Error
	if !errors.As(err, &ce) {
		return []string{fmt.Sprintf("want a *cloud.Error with code %s, got %T: %v", r.code, err, err)}
	}
	var problems []string
	if ce.Code != r.code {
		problems = append(problems, fmt.Sprintf("Code = %q, want %q (%v)", ce.Code, r.code, ce))
	}
	if strings.TrimSpace(ce.Message) == "" {
		problems = append(problems, "Message is empty")
	}
	if !isSentence(ce.Fix) {
		problems = append(problems, fmt.Sprintf("Fix %q is not a sentence (a capital first, a full stop last)", ce.Fix))
	}
	if ce.Fix == ce.Message {
		problems = append(problems, "Fix only repeats the message")
	}
	if ce.Field != r.field {
		problems = append(problems, fmt.Sprintf("Field = %q, want %q", ce.Field, r.field))
	}
	switch {
	case r.noObjects != "" && len(objects) > 0:
		problems = append(problems, "the scenario says the refusal names no object, yet wants "+strings.Join(objects, ", "))
	case r.noObjects == "" && len(objects) == 0:
		problems = append(problems, "the scenario wants no object named but gives no reason (noObjects)")
	}
	if !slices.Equal(ce.Objects, objects) {
		problems = append(problems, fmt.Sprintf("Objects = %q, want %q", ce.Objects, objects))
	}
	return problems
}

func isSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !strings.HasSuffix(s, ".") {
		return false
	}
	first := []rune(s)[0]
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// TestErrorCatalogCoversSource reads the engine's source and fails when a
// refusal could escape the catalog: a code with no scenario, an *Error built
// without a code, message or fix, or without Objects outside the functions
// that check a request's own values.
func TestErrorCatalogCoversSource(t *testing.T) {
	src := scanRefusals(t)
	covered := map[string]bool{}
	for _, r := range catalog() {
		covered[r.code] = true
	}
	for code, where := range src.codes {
		if !covered[code] && unreachableCodes[code] == "" {
			t.Errorf("%s: code %s has no scenario in the error catalog (errors_catalog_test.go)", where, code)
		}
	}
	for code := range unreachableCodes {
		if src.codes[code] == "" {
			t.Errorf("unreachableCodes lists %s, which the source no longer has", code)
		}
		if covered[code] {
			t.Errorf("unreachableCodes lists %s, which a scenario triggers", code)
		}
	}
	for code := range covered {
		if src.codes[code] == "" {
			t.Errorf("the catalog has scenarios for %s, which the source does not have", code)
		}
	}
	for _, f := range noObjectFuncs {
		if !src.noObjectFuncsSeen[f] {
			t.Errorf("noObjectFuncs lists %s, which builds no *Error any more", f)
		}
	}
	for _, p := range src.problems {
		t.Error(p)
	}
	if len(src.codes) < 30 {
		t.Errorf("found only %d codes in the source; the scan is broken", len(src.codes))
	}
}

type sourceRefusals struct {
	// codes maps each code to where it is first written.
	codes             map[string]string
	problems          []string
	noObjectFuncsSeen map[string]bool
}

func scanRefusals(t *testing.T) sourceRefusals {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	out := sourceRefusals{codes: map[string]string{}, noObjectFuncsSeen: map[string]bool{}}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok {
				out.scanFunc(fset, fn)
			}
			out.scanKindCodes(fset, decl)
		}
	}
	return out
}

func (out *sourceRefusals) scanFunc(fset *token.FileSet, fn *ast.FuncDecl) {
	exempt := slices.Contains(noObjectFuncs, fn.Name.Name)
	ast.Inspect(fn, func(node ast.Node) bool {
		lit, ok := node.(*ast.CompositeLit)
		if !ok || !isIdent(lit.Type, "Error") {
			return true
		}
		where := fset.Position(lit.Pos()).String() + " (" + fn.Name.Name + ")"
		fields := keyed(lit)
		for _, key := range []string{"Code", "Message", "Fix"} {
			if fields[key] == nil {
				out.problems = append(out.problems, fmt.Sprintf("%s: a refusal without %s", where, key))
			}
		}
		if code, ok := stringLit(fields["Code"]); ok {
			out.addCode(code, where)
		}
		if exempt {
			out.noObjectFuncsSeen[fn.Name.Name] = true
		} else if fields["Objects"] == nil {
			out.problems = append(out.problems, fmt.Sprintf("%s: a refusal that names no Objects; name the objects involved "+
				"(or, if it only checks the request's own values, add %s to noObjectFuncs)", where, fn.Name.Name))
		}
		return true
	})
}

// scanKindCodes adds the codes that kinds hold: those written as fields
// (notFoundCode: "NoSuchEntity") or as the code of a refusal, and those that the constructors of kinds
// derive from their arguments.
func (out *sourceRefusals) scanKindCodes(fset *token.FileSet, decl ast.Decl) {
	ast.Inspect(decl, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.CompositeLit:
			for key, value := range keyed(node) {
				if code, ok := stringLit(value); ok && (strings.HasSuffix(key, "Code") || key == "code" && isIdent(node.Type, "refusal")) {
					out.addCode(code, fset.Position(value.Pos()).String())
				}
			}
			// A refusal written in order starts with its code.
			if isIdent(node.Type, "refusal") && len(node.Elts) > 0 {
				if code, ok := stringLit(node.Elts[0]); ok {
					out.addCode(code, fset.Position(node.Pos()).String())
				}
			}
		case *ast.CallExpr:
			for _, code := range kindCallCodes(node) {
				out.addCode(code, fset.Position(node.Pos()).String())
			}
		}
		return true
	})
}

// kindCallCodes are the codes a call of a kind's constructor gives the kind,
// by the patterns of ids.go.
func kindCallCodes(call *ast.CallExpr) []string {
	var name string
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		name = fun.Name
	case *ast.SelectorExpr:
		name = fun.Sel.Name
	}
	arg := func(i int) string {
		s, _ := stringLit(call.Args[i])
		return s
	}
	switch {
	case name == "ec2Kind" && arg(4) != "":
		return []string{arg(4) + ".NotFound", arg(4) + ".Malformed"}
	case name == "refusedWith":
		return []string{arg(0), arg(1)}
	case name == "subnetGroupKind":
		return []string{arg(1) + "NotFoundFault"}
	}
	return nil
}

func (out *sourceRefusals) addCode(code, where string) {
	if out.codes[code] == "" {
		out.codes[code] = where
	}
}

func keyed(lit *ast.CompositeLit) map[string]ast.Expr {
	fields := map[string]ast.Expr{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				fields[key.Name] = kv.Value
			}
		}
	}
	return fields
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// instanceRefusals are the refusals of network interfaces, instances and
// elastic IP associations.
func instanceRefusals() []refusal {
	const unknownInstance = "i-0123456789abcdef0"
	return []refusal{
		lookup("instance", "InvalidInstanceID.NotFound", unknownInstance, func(c *cloud.Client, id string) error { return errOf(c.Instance(bg, id)) }),
		lookup("instance", "InvalidInstanceID.Malformed", "i-XYZ", func(c *cloud.Client, id string) error { return errOf(c.Instance(bg, id)) }),
		lookup("network interface", "InvalidNetworkInterfaceID.NotFound", "eni-0123456789abcdef0",
			func(c *cloud.Client, id string) error { return errOf(c.NetworkInterface(bg, id)) }),
		{name: "AMI ID of the wrong shape", code: "InvalidAMIID.Malformed", field: "ami", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := instanceInput(n.subnet.ID)
				in.AMI = "ami-12345"
				return nil, errOf(c.RunInstance(bg, in))
			}},
		{name: "instance type the cloud does not know", code: "InvalidParameterValue", field: "instance_type", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := instanceInput(n.subnet.ID)
				in.InstanceType = "t3.huge"
				return nil, errOf(c.RunInstance(bg, in))
			}},
		{name: "launch with a key pair the region does not have", code: "InvalidKeyPair.NotFound", field: "key_name", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := instanceInput(n.subnet.ID)
				in.KeyName = "nobody"
				return nil, errOf(c.RunInstance(bg, in))
			}},
		{name: "instance without a subnet in a region without a default VPC", code: "VPCIdNotSpecified", field: "subnet_id", noObjects: "no object is involved",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.RunInstance(bg, instanceInput("")))
			}},
		{name: "security group without a VPC in a region without a default VPC", code: "VPCIdNotSpecified", field: "vpc_id", noObjects: "no object is involved",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateSecurityGroup(bg, cloud.SecurityGroupInput{GroupName: "web", Description: "web"}))
			}},
		{name: "instance without a subnet in a zone without a default subnet", code: "MissingInput", field: "subnet_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				must(c.UseScope(bg))(t)
				subnets := must(c.FindSubnets(bg, cloud.SubnetFilter{AvailabilityZone: "us-east-1a"}))(t)
				var vpcID string
				for _, s := range subnets {
					if s.DefaultForAZ || s.CIDRBlock == "172.31.0.0/20" {
						vpcID = s.VPCID
						noErr(t, c.DeleteSubnet(bg, s.ID))
					}
				}
				return []string{vpcID}, errOf(c.RunInstance(bg, instanceInput("")))
			}},
		{name: "six security groups on one interface", code: "SecurityGroupsPerInterfaceLimitExceeded", field: "security_groups",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				var groups []string
				for i := range 6 {
					groups = append(groups, must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, fmt.Sprint("g", i))))(t).ID)
				}
				return []string{n.subnet.ID}, errOf(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, SecurityGroupIDs: groups}))
			}},
		{name: "security group of another VPC", code: "InvalidParameter", field: "security_groups",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateSecurityGroup(bg, groupInput(n.otherVPC.ID, "elsewhere")))(t)
				return []string{g.ID, n.subnet.ID}, errOf(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, SecurityGroupIDs: []string{g.ID}}))
			}},
		{name: "private address outside the subnet", code: "InvalidParameterValue", field: "private_ip",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.subnet.ID}, errOf(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, PrivateIPs: []string{"10.0.2.10"}}))
			}},
		{name: "private address AWS reserves", code: "InvalidParameterValue", field: "private_ip",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.subnet.ID}, errOf(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, PrivateIPs: []string{"10.0.1.255"}}))
			}},
		{name: "private address in use", code: "InvalidIPAddress.InUse", field: "private_ip",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				first := must(c.RunInstance(bg, withPrivateIP(instanceInput(n.subnet.ID), "10.0.1.10")))(t)
				return []string{n.subnet.ID, first.PrimaryNetworkInterfaceID},
					errOf(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, PrivateIPs: []string{"10.0.1.10"}}))
			}},
		{name: "private address planned twice", code: "InvalidIPAddress.InUse", field: "private_ip",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				first := p.NewHolderNamed("the simcloud_instance planned with private_ip 10.0.1.10")
				noErr(t, c.CheckInstance(bg, p, first, withPrivateIP(instanceInput(n.subnet.ID), "10.0.1.10"), ""))
				return []string{n.subnet.ID, "the simcloud_instance planned with private_ip 10.0.1.10"},
					c.CheckNetworkInterface(bg, p, p.NewHolder(), cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, PrivateIPs: []string{"10.0.1.10"}}, "")
			}},
		{name: "subnet out of addresses for interfaces", code: "InsufficientFreeAddressesInSubnet", field: "subnet_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				s := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.7.0/28"))
				// 16 addresses, 5 reserved: 11 to give.
				must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: s.ID, SecondaryPrivateIPCount: 9}))(t)
				return []string{s.ID}, errOf(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: s.ID, SecondaryPrivateIPCount: 1}))
			}},
		{name: "IPv6 address in a subnet without an IPv6 block", code: "InvalidParameterValue", field: "ipv6_address_count",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := instanceInput(n.subnet.ID)
				in.IPv6AddressCount = 1
				return []string{n.subnet.ID}, errOf(c.RunInstance(bg, in))
			}},
		{name: "security group names in a VPC other than the default", code: "InvalidParameterCombination", field: "security_groups",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := instanceInput(n.subnet.ID)
				in.SecurityGroupNames = []string{"default"}
				return []string{n.subnet.ID}, errOf(c.RunInstance(bg, in))
			}},
		{name: "instance's primary interface deleted", code: "InvalidNetworkInterface.InUse",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				i := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				return []string{i.PrimaryNetworkInterfaceID, i.ID}, c.DeleteObject(bg, i.PrimaryNetworkInterfaceID)
			}},
		{name: "subnet deleted while an interface is in it", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				s := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.8.0/24"))
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: s.ID}))(t)
				return []string{s.ID, eni.ID}, c.DeleteSubnet(bg, s.ID)
			}},
		{name: "security group deleted while an interface uses it", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, "web")))(t)
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, SecurityGroupIDs: []string{g.ID}}))(t)
				return []string{g.ID, eni.ID}, c.DeleteObject(bg, g.ID)
			}},
		{name: "elastic IP associated with a second instance", code: "Resource.AlreadyAssociated", field: "allocation_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := must(c.AllocateAddress(bg, nil))(t)
				a := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				b := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				must(c.AssociateAddress(bg, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: a.ID}))(t)
				return []string{eip.AllocationID, a.PrimaryNetworkInterfaceID},
					errOf(c.AssociateAddress(bg, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: b.ID}))
			}},
		{name: "elastic IP associated released", code: "InvalidIPAddress.InUse",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := must(c.AllocateAddress(bg, nil))(t)
				a := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				must(c.AssociateAddress(bg, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: a.ID}))(t)
				return []string{eip.AllocationID, a.PrimaryNetworkInterfaceID}, c.ReleaseAddress(bg, eip.AllocationID)
			}},
		{name: "association with neither instance nor interface", code: "MissingParameter", field: "instance_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := must(c.AllocateAddress(bg, nil))(t)
				return []string{eip.AllocationID}, errOf(c.AssociateAddress(bg, cloud.AddressAssociationInput{AllocationID: eip.AllocationID}))
			}},
		{name: "association to an address the interface does not have", code: "InvalidParameterValue", field: "private_ip_address",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				eip := must(c.AllocateAddress(bg, nil))(t)
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				return []string{eni.ID}, errOf(c.AssociateAddress(bg, cloud.AddressAssociationInput{AllocationID: eip.AllocationID,
					NetworkInterfaceID: eni.ID, PrivateIPAddress: "10.0.1.99"}))
			}},
	}
}

// interfaceAttachmentRefusals are the refusals of attaching interfaces to
// instances and security groups to interfaces.
func interfaceAttachmentRefusals() []refusal {
	attach := func(inst cloud.Instance, eniID string, index int64) cloud.NetworkInterfaceAttachmentInput {
		return cloud.NetworkInterfaceAttachmentInput{InstanceID: inst.ID, NetworkInterfaceID: eniID, DeviceIndex: index}
	}
	return []refusal{
		lookup("network interface attachment", "InvalidAttachmentID.NotFound", "eni-attach-0123456789abcdef0",
			func(c *cloud.Client, id string) error { return errOf(c.NetworkInterfaceAttachment(bg, id)) }),
		{name: "network interface attachment ID of the wrong shape", code: "InvalidAttachmentID.Malformed", field: "id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{"eni-attach-1"}, errOf(c.NetworkInterfaceAttachment(bg, "eni-attach-1"))
			}},
		{name: "interface attached to a second instance", code: "InvalidNetworkInterface.InUse", field: "network_interface_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				b := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				must(c.AttachNetworkInterface(bg, attach(a, eni.ID, 1)))(t)
				return []string{eni.ID, a.ID}, errOf(c.AttachNetworkInterface(bg, attach(b, eni.ID, 1)))
			}},
		{name: "interface planned to be attached twice", code: "InvalidNetworkInterface.InUse", field: "network_interface_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				b := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				p := cloud.NewPlan()
				first := "the simcloud_network_interface_attachment planned to " + a.ID
				noErr(t, c.CheckNetworkInterfaceAttachment(bg, p, p.NewHolderNamed(first), attach(a, eni.ID, 1)))
				return []string{eni.ID, first}, c.CheckNetworkInterfaceAttachment(bg, p, p.NewHolder(), attach(b, eni.ID, 1))
			}},
		{name: "device index taken on the instance", code: "InvalidParameterValue", field: "device_index",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := instanceInput(n.subnet.ID)
				in.InstanceType = "m5.xlarge"
				a := must(c.RunInstance(bg, in))(t)
				first := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				second := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				must(c.AttachNetworkInterface(bg, attach(a, first.ID, 1)))(t)
				return []string{a.ID, first.ID}, errOf(c.AttachNetworkInterface(bg, attach(a, second.ID, 1)))
			}},
		{name: "interface and instance in different zones", code: "InvalidParameterCombination", field: "network_interface_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				in := subnetInput(n.vpc.ID, "10.0.9.0/24")
				in.AvailabilityZone = "us-east-1f"
				s := mustCreateSubnet(t, c, in)
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: s.ID}))(t)
				return []string{eni.ID, a.ID}, errOf(c.AttachNetworkInterface(bg, attach(a, eni.ID, 1)))
			}},
		{name: "more interfaces than the instance type takes", code: "AttachmentLimitExceeded", field: "instance_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t) // a t3.micro takes 2
				first := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				second := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				must(c.AttachNetworkInterface(bg, attach(a, first.ID, 1)))(t)
				return []string{a.ID}, errOf(c.AttachNetworkInterface(bg, attach(a, second.ID, 2)))
			}},
		{name: "primary interface detached", code: "OperationNotPermitted",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				a := must(c.RunInstance(bg, instanceInput(n.subnet.ID)))(t)
				eni := must(c.NetworkInterface(bg, a.PrimaryNetworkInterfaceID))(t)
				return []string{eni.ID, a.ID}, c.DetachNetworkInterface(bg, eni.AttachmentID)
			}},
		{name: "sixth security group attached to an interface", code: "SecurityGroupsPerInterfaceLimitExceeded", field: "security_group_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				var groups []string
				for i := range 6 {
					groups = append(groups, must(c.CreateSecurityGroup(bg, groupInput(n.vpc.ID, fmt.Sprint("g", i))))(t).ID)
				}
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID, SecurityGroupIDs: groups[:5]}))(t)
				return []string{eni.ID}, errOf(c.AttachInterfaceGroup(bg, cloud.InterfaceGroupAttachment{SecurityGroupID: groups[5], NetworkInterfaceID: eni.ID}))
			}},
		{name: "security group of another VPC attached to an interface", code: "InvalidParameter", field: "security_group_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				g := must(c.CreateSecurityGroup(bg, groupInput(n.otherVPC.ID, "elsewhere")))(t)
				eni := must(c.CreateNetworkInterface(bg, cloud.NetworkInterfaceInput{SubnetID: n.subnet.ID}))(t)
				return []string{g.ID, eni.ID}, errOf(c.AttachInterfaceGroup(bg, cloud.InterfaceGroupAttachment{SecurityGroupID: g.ID, NetworkInterfaceID: eni.ID}))
			}},
		malformedImportID("malformed security group attachment import ID", cloud.ParseInterfaceGroupAttachmentID, "sg-1_eni-1"),
	}
}
