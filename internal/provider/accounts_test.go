package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccAccounts_isolated shares one cloud between two accounts: what one
// account made is invisible to the other, in lookups, rules and imports.
// Each account is its own configuration, as it would be in real use: under
// the test harness one provider process serves every alias of a
// configuration, so aliases cannot stand for accounts here.
func TestAccAccounts_isolated(t *testing.T) {
	c := newTestCloud(t)
	as := func(account, body string) string {
		return fmt.Sprintf("provider \"simcloud\" {\n  database   = %q\n  account_id = %q\n}\n%s", c.path, account, body)
	}
	// Another configuration, in account 111111111111, owns a VPC.
	owner := c.clientFor(t, "111111111111")
	vpc, err := owner.CreateVPC(t.Context(), vpcInputFor("10.0.0.0/16"))
	if err != nil {
		t.Fatal(err)
	}
	other := func(body string) string { return as("222222222222", body) }
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testFactories,
		Steps: []resource.TestStep{
			{
				Config:      other(`data "simcloud_vpc" "theirs" { id = "` + vpc.ID + `" }`),
				ExpectError: expectError("No matching VPC found"),
			},
			{
				Config:      other(`data "simcloud_vpc" "any" { cidr_block = "10.0.0.0/16" }`),
				ExpectError: expectError("No matching VPC found"),
			},
			{
				Config:      other(`resource "simcloud_internet_gateway" "theirs" { vpc_id = "` + vpc.ID + `" }`),
				PlanOnly:    true,
				ExpectError: expectError("InvalidVpcID.NotFound: The vpc ID '"+vpc.ID+"' does not exist", "vpc_id"),
			},
			{
				Config:        other(`resource "simcloud_vpc" "theirs" { cidr_block = "10.0.0.0/16" }`),
				ResourceName:  "simcloud_vpc.theirs",
				ImportState:   true,
				ImportStateId: vpc.ID,
				ExpectError:   expectError("Cannot import non-existent remote object"),
			},
			{
				Config: other(`resource "simcloud_vpc" "theirs" { cidr_block = "10.0.0.0/16" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("simcloud_vpc.theirs", tfjsonpath.New("arn"),
						knownvalue.StringRegexp(regexpMust(`^arn:aws:ec2:us-east-1:222222222222:vpc/`))),
				},
			},
		},
	})
	if _, err := owner.VPC(t.Context(), vpc.ID); err != nil {
		t.Fatalf("the other account's run touched this account's VPC: %v", err)
	}
}
