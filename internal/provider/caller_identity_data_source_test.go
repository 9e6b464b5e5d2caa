package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// configIn is config with the provider acting in region, as account (the
// default account when "").
func (c *testCloud) configIn(region, account, body string) string {
	provider := "provider \"simcloud\" {\n  database = " + quoted(c.path) + "\n  region   = " + quoted(region) + "\n"
	if account != "" {
		provider += "  account_id = " + quoted(account) + "\n"
	}
	return provider + "}\n" + body
}

// The caller is the user simcloud of the provider's account, in the
// partition of the provider's region.
func TestAccCallerIdentityAndPartition(t *testing.T) {
	c := newTestCloud(t)
	both := tfData("caller_identity", "current") + tfData("partition", "current")
	caller := func(attribute string, want knownvalue.Check) statecheck.StateCheck {
		return attrIs("data.simcloud_caller_identity.current", attribute, want)
	}
	inPartition := func(partition, dnsSuffix, reverseDNSPrefix string, callerChecks ...statecheck.StateCheck) []statecheck.StateCheck {
		return append(callerChecks,
			attrIs("data.simcloud_partition.current", "partition", knownvalue.StringExact(partition)),
			attrIs("data.simcloud_partition.current", "id", knownvalue.StringExact(partition)),
			attrIs("data.simcloud_partition.current", "dns_suffix", knownvalue.StringExact(dnsSuffix)),
			attrIs("data.simcloud_partition.current", "reverse_dns_prefix", knownvalue.StringExact(reverseDNSPrefix)))
	}
	userID := func(s *terraformState) string {
		return s.RootModule().Resources["data.simcloud_caller_identity.current"].Primary.Attributes["user_id"]
	}
	var defaultUserID string
	unitTest(t,
		resource.TestStep{
			Config: c.config(both),
			ConfigStateChecks: inPartition("aws", "amazonaws.com", "com.amazonaws",
				caller("account_id", knownvalue.StringExact("123456789012")),
				caller("id", knownvalue.StringExact("123456789012")),
				caller("arn", knownvalue.StringExact("arn:aws:iam::123456789012:user/simcloud")),
				caller("user_id", matching(`^AIDA[A-Z2-7]{17}$`))),
			Check: func(s *terraformState) error {
				defaultUserID = userID(s)
				return nil
			},
		},
		resource.TestStep{
			Config: c.configIn("us-gov-west-1", "210987654321", both),
			ConfigStateChecks: inPartition("aws-us-gov", "amazonaws.com", "com.amazonaws",
				caller("account_id", knownvalue.StringExact("210987654321")),
				caller("arn", knownvalue.StringExact("arn:aws-us-gov:iam::210987654321:user/simcloud"))),
			Check: func(s *terraformState) error {
				if got := userID(s); got == defaultUserID {
					return fmt.Errorf("accounts 123456789012 and 210987654321 share the user ID %s", got)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: c.configIn("cn-north-1", "", both),
			ConfigStateChecks: inPartition("aws-cn", "amazonaws.com.cn", "cn.com.amazonaws",
				caller("arn", knownvalue.StringExact("arn:aws-cn:iam::123456789012:user/simcloud"))),
		},
	)
}
