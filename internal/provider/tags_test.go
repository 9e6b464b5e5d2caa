package provider

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccProvider_ignoreTags: tags another system puts on objects, under
// keys the provider's ignore_tags names, cause no diff, stay out of tags,
// tags_all and data sources' tags, and stay on the objects when Terraform
// changes their other tags, as with the AWS provider's ignore_tags.
func TestAccProvider_ignoreTags(t *testing.T) {
	c := newTestCloud(t)
	provider := func(ignoreTags string) string {
		return `provider "simcloud" {
  database = "` + c.path + `"
  default_tags {
    tags = {
      Env                  = "test"
      "kubernetes.io/role" = "net"
    }
  }
  ` + ignoreTags + `
}
`
	}
	ignoring := provider(`ignore_tags {
    keys         = ["Owner"]
    key_prefixes = ["kubernetes.io/"]
  }`)
	network := func(vpcTags, subnetTags string) string {
		return tfVPC("test", "10.0.0.0/16", "tags = { "+vpcTags+" }") +
			tfSubnet("test", "test", "10.0.1.0/24", "tags = { "+subnetTags+" }") +
			tfData("vpc", "found", "id = "+tfID("vpc", "test")) +
			tfData("subnet", "found", "id = "+tfID("subnet", "test"))
	}
	vpcID := func() string { return c.onlyVPC(t).ID }
	subnetID := func() string { return c.subnetByCIDR(t, "10.0.1.0/24").ID }
	outOfBand := map[string]string{"Owner": "ops", "kubernetes.io/cluster/blue": "shared"}
	shown := func(name string) knownvalue.Check {
		return knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact(name), "Env": knownvalue.StringExact("test")})
	}
	expectTags := func(address, attribute, name string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, tfjsonpath.New(attribute), shown(name))
	}
	// inCloud checks the tags the objects have in the cloud.
	inCloud := func(vpcName, subnetName string, vpcExtra, subnetExtra map[string]string) resource.TestCheckFunc {
		return func(*terraformState) error {
			for id, o := range map[string]struct {
				name  string
				extra map[string]string
			}{vpcID(): {vpcName, vpcExtra}, subnetID(): {subnetName, subnetExtra}} {
				want := map[string]string{"Name": o.name, "Env": "test", "kubernetes.io/role": "net"}
				maps.Copy(want, o.extra)
				got, err := c.client.ChangeTags(context.Background(), id, nil, nil)
				if err != nil {
					return err
				}
				if !maps.Equal(got, want) {
					return fmt.Errorf("tags of %s in the cloud = %v, want %v", id, got, want)
				}
			}
			return nil
		}
	}
	unitTest(t,
		planFails(provider(`ignore_tags { keys = [""] }`)+tfVPC("test", "10.0.0.0/16"), "InvalidParameterValue", "ignore_tags.keys"),
		planFails(provider(`ignore_tags { key_prefixes = ["a", ""] }`)+tfVPC("test", "10.0.0.0/16"), "InvalidParameterValue", "ignore_tags.key_prefixes"),
		// A default tag under an ignored key is written, and left out of
		// tags_all.
		withCheck(resource.TestStep{
			Config:            ignoring + network(`Name = "a"`, `Name = "s"`),
			ConfigStateChecks: []statecheck.StateCheck{expectVPCAttr("tags_all", shown("a"))},
		}, inCloud("a", "s", nil, nil)),
		// Another system tags the objects: no diff, and no sign of its tags
		// in tags_all or in the data sources' tags.
		withCheck(resource.TestStep{
			PreConfig: func() {
				for _, id := range []string{vpcID(), subnetID()} {
					if _, err := c.client.ChangeTags(context.Background(), id, outOfBand, nil); err != nil {
						t.Fatal(err)
					}
				}
			},
			Config:           ignoring + network(`Name = "a"`, `Name = "s"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("tags_all", shown("a")),
				expectTags("simcloud_subnet.test", "tags_all", "s"),
				expectTags("data.simcloud_vpc.found", "tags", "a"),
				expectTags("data.simcloud_subnet.found", "tags", "s"),
			},
		}, inCloud("a", "s", outOfBand, outOfBand)),
		// Terraform changes the other tags; the ignored ones stay.
		withCheck(resource.TestStep{
			Config: ignoring + network(`Name = "b"`, `Name = "t"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(vpcAddress, plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction("simcloud_subnet.test", plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{expectVPCAttr("tags_all", shown("b")), expectTags("data.simcloud_vpc.found", "tags", "b")},
		}, inCloud("b", "t", outOfBand, outOfBand)),
		// An ignored key set in tags is written, and, as the AWS provider
		// documents, shows a diff on every plan.
		withCheck(resource.TestStep{
			Config:             ignoring + network(`Name = "b", Owner = "me"`, `Name = "t"`),
			ExpectNonEmptyPlan: true,
			ConfigStateChecks:  []statecheck.StateCheck{expectVPCAttr("tags_all", shown("b"))},
		}, inCloud("b", "t", map[string]string{"Owner": "me", "kubernetes.io/cluster/blue": "shared"}, outOfBand)),
	)
}
