package provider

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestAccWebAppTier runs the example examples/web-app-tier, the network of
// security groups and network ACLs that issue 15 asks to work whole: it
// applies, plans empty, imports every filter, and destroys. The refusals
// each resource meets are tested beside the resource.
func TestAccWebAppTier(t *testing.T) {
	c := newTestCloud(t)
	example, err := os.ReadFile("../../examples/web-app-tier/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	// The test's own provider block points at the test's cloud, and the
	// test framework serves the provider under its own address. The
	// outputs, which end the file, go too: the framework cannot read back
	// the null outputs of a state made by import (TestExamples reads them).
	body := strings.Replace(string(example), `provider "simcloud" {}`, "", 1)
	body = body[:strings.Index(body, "\noutput ")]
	start := strings.Index(body, "terraform {")
	end := start + strings.Index(body[start:], "\n}\n")
	config := c.config(body[:start] + body[end+3:])
	unitTest(t,
		resource.TestStep{
			Config: config,
			Check: func(*terraformState) error {
				ctx := context.Background()
				vpc := c.onlyVPC(t)
				subnets, err := c.client.FindSubnets(ctx, cloud.SubnetFilter{})
				if err != nil {
					return err
				}
				subnets = storetest.Own(t, c.client, subnets)
				custom := 0
				for _, s := range subnets {
					if s.NetworkACLID != vpc.DefaultNetworkACLID {
						custom++
					}
				}
				if custom != 2 || len(subnets) != 4 {
					t.Errorf("%d of %d subnets have an ACL other than the default; want the 2 public ones of 4", custom, len(subnets))
				}
				acl, err := cloud.Describe[cloud.NetworkACL](c.client, ctx, vpc.DefaultNetworkACLID)
				if err != nil {
					return err
				}
				// Rule 100 each way and the two "*" rules: the default
				// ACL's allow-all rules are gone.
				if len(acl.Entries) != 4 {
					t.Errorf("the adopted default ACL holds %+v, want rule 100 and * in each direction", acl.Entries)
				}
				return nil
			},
		},
		// The default ACL's subnet_ids, which the configuration leaves to the
		// cloud, were read when the ACL was adopted, maybe before the app
		// subnets were made; a refresh records them, as the next plan would.
		resource.TestStep{RefreshState: true},
		importStep("simcloud_security_group.web", "revoke_rules_on_delete"),
		importStep("simcloud_security_group.app", "revoke_rules_on_delete"),
		importStep("simcloud_network_acl.public"),
		importStep("simcloud_default_network_acl.main"),
	)
}
