package provider

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestSchemasUseOnlyTeachingValidators walks every schema of the provider and
// fails for a validator that is not the provider's own. The framework's
// stock validators answer with generic text ("These attributes cannot be
// configured together") and skip every unknown value; the provider's own
// validators run the cloud's checks, so that each refusal a configuration
// can meet has AWS's code, the objects and a fix (TestErrorCatalog holds
// the cloud's checks to that), and an argument set to a value known only
// after apply still counts as set.
func TestSchemasUseOnlyTeachingValidators(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	ours := reflect.TypeOf(providerData{}).PkgPath()
	seen := 0
	audit := func(where string, validators any) {
		list := reflect.ValueOf(validators)
		for i := range list.Len() {
			seen++
			v := list.Index(i).Interface()
			if pkg := reflect.Indirect(reflect.ValueOf(v)).Type().PkgPath(); pkg != ours {
				t.Errorf("%s: validator %T comes from %s; use one of the provider's own (argumentsCheck, cloudCheck, idCheck, ...) so that its refusal teaches", where, v, pkg)
			}
		}
	}
	auditAttributes := func(where string, attributes map[string]any) {
		for name, attribute := range attributes {
			value := reflect.ValueOf(attribute)
			for m := range value.NumMethod() {
				method := value.Type().Method(m)
				if strings.HasSuffix(method.Name, "Validators") && method.Type.NumIn() == 1 && method.Type.NumOut() == 1 {
					audit(where+"."+name, value.Method(m).Call(nil)[0].Interface())
				}
			}
		}
	}
	var provSchema provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &provSchema)
	auditAttributes("provider", anyMap(provSchema.Schema.Attributes))
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta fwresource.MetadataResponse
		r.Metadata(ctx, fwresource.MetadataRequest{ProviderTypeName: "simcloud"}, &meta)
		var schema fwresource.SchemaResponse
		r.Schema(ctx, fwresource.SchemaRequest{}, &schema)
		auditAttributes(meta.TypeName, anyMap(schema.Schema.Attributes))
		if withValidators, ok := r.(fwresource.ResourceWithConfigValidators); ok {
			audit(meta.TypeName+" (config validators)", withValidators.ConfigValidators(ctx))
		}
	}
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var meta datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "simcloud"}, &meta)
		var schema datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &schema)
		auditAttributes("data."+meta.TypeName, anyMap(schema.Schema.Attributes))
		if withValidators, ok := d.(datasource.DataSourceWithConfigValidators); ok {
			audit("data."+meta.TypeName+" (config validators)", withValidators.ConfigValidators(ctx))
		}
	}
	if seen < 20 {
		t.Fatalf("found only %d validators in the schemas; the walk is broken", seen)
	}
}

func anyMap[A any](attributes map[string]A) map[string]any {
	out := make(map[string]any, len(attributes))
	for k, v := range attributes {
		out[k] = v
	}
	return out
}

// A value unknown at plan switches a rule off only where the rule needs it.

func TestAccUnknownGatewayRefusedByKnownVPC(t *testing.T) {
	c := newTestCloud(t)
	first := tfVPC("test", "10.0.0.0/16") + tfGateway("first", "test")
	unitTest(t,
		resource.TestStep{Config: c.config(first)},
		// The second gateway's ID is unknown at plan; the VPC is known and
		// already has a gateway, which decides.
		planFails(c.config(first+tfResource("internet_gateway", "second")+tfAttachment("second", tfID("internet_gateway", "second"), "test")),
			"InvalidParameterValue", "already has an internet gateway attached", "Objects involved: vpc-", "igw-"),
	)
}

func TestAccRouteArgumentsCountUnknownValues(t *testing.T) {
	c := newTestCloud(t)
	route := func(args ...string) string { return c.config(dualStack() + tfRoute("test", "private", args...)) }
	const (
		toGateway           = "gateway_id = simcloud_internet_gateway.main.id"
		toEgressOnlyGateway = "egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id"
	)
	unitTest(t,
		// Both targets are created by the same plan: unknown, yet set.
		planFails(route(`destination_ipv6_cidr_block = "::/0"`, toGateway, toEgressOnlyGateway),
			"InvalidParameterCombination", "exactly one of", "egress_only_gateway_id and gateway_id", "keep one of them"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"`, toEgressOnlyGateway),
			"InvalidParameterCombination", "only routes IPv6", "How to fix:", "carries no IPv4", `destination_ipv6_cidr_block = "::/0"`, "NAT gateway"),
		planFails(route(toGateway), "MissingParameter", "How to fix: Give the route a destination"),
		planFails(c.config(dualStack()+tfRouteTable("inline", "main", tfInlineRoute(`ipv6_cidr_block = "::/0"`, toGateway, toEgressOnlyGateway))),
			"InvalidParameterCombination", "egress_only_gateway_id and gateway_id"),
		planFails(c.config(tfVPC("test", "10.0.0.0/16")+
			tfSubnet("test", "test", "10.0.1.0/24", `availability_zone = "us-east-1a"`, "availability_zone_id = simcloud_vpc.test.id")),
			"InvalidParameterCombination", "availability_zone", "not both"),
	)
}

// A route written as terraform-aws-modules/vpc writes the main table's,
// every key through lookup(..., null), is unknown at validate and known at
// plan: the shape rule waits for the plan, where it decides, and a target
// the simulated cloud lacks (instance_id, which only the default table
// takes) is refused there.
func TestAccDefaultRouteTableRoutesAsModulesWriteThem(t *testing.T) {
	c := newTestCloud(t)
	table := func(route string) string {
		return c.config(dualStackGateways + `
locals {
  routes = [` + route + `]
}

resource "simcloud_default_route_table" "main" {
  default_route_table_id = simcloud_vpc.main.default_route_table_id

  dynamic "route" {
    for_each = local.routes
    content {
      cidr_block      = lookup(route.value, "cidr_block", null)
      ipv6_cidr_block = lookup(route.value, "ipv6_cidr_block", null)
      gateway_id      = lookup(route.value, "gateway_id", null)
      instance_id     = lookup(route.value, "instance_id", null)
      nat_gateway_id  = lookup(route.value, "nat_gateway_id", null)
    }
  }
}
`)
	}
	unitTest(t,
		planFails(table(`{ cidr_block = "0.0.0.0/0", instance_id = simcloud_vpc.main.id }`),
			"UnsupportedOperation", "instance_id"),
		planFails(table(`{ cidr_block = "0.0.0.0/0", gateway_id = simcloud_internet_gateway.main.id, nat_gateway_id = simcloud_vpc.main.id }`),
			"InvalidParameterCombination", "gateway_id and nat_gateway_id"),
		resource.TestStep{
			Config: table(`{ cidr_block = "0.0.0.0/0", gateway_id = simcloud_internet_gateway.main.id }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("simcloud_default_route_table.main", tfjsonpath.New("route"), knownvalue.SetSizeExact(1)),
			},
		},
	)
}

// TestAccRenamedGatewayExplained renames a gateway's resource without a
// moved block: the plan destroys the old gateway and creates a new one on
// the same VPC, in no order, so it must fail, and say why and what to do.
func TestAccRenamedGatewayExplained(t *testing.T) {
	c := newTestCloud(t)
	vpc := tfVPC("test", "10.0.0.0/16")
	unitTest(t,
		resource.TestStep{Config: c.config(vpc + tfGateway("old", "test"))},
		resource.TestStep{
			Config: c.config(vpc + tfGateway("new", "test")),
			ExpectError: expectError("InvalidParameterValue", "already has an internet gateway attached", "How to fix:",
				"destroy", "Terraform does not order that destroy before this change", "moved block"),
		},
		resource.TestStep{
			Config: c.config(vpc + `
moved {
  from = simcloud_internet_gateway.old
  to   = simcloud_internet_gateway.new
}
` + tfGateway("new", "test")),
			ConfigPlanChecks: expectEmptyPlan,
		},
	)
}
