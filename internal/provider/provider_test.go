package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// testFactories serve the provider inside the test process; Terraform
// attaches to it, so no provider is ever downloaded.
var testFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"simcloud": providerserver.NewProtocol6WithError(New("test")()),
}

func TestMain(m *testing.M) {
	// Terraform warns about a CLI config file that does not exist, and a
	// test must never touch the user's own cloud: give both a place of the
	// test run's own.
	dir, err := os.MkdirTemp("", "simcloud-provider-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cliConfig := filepath.Join(dir, "terraformrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	_ = os.Setenv("TF_CLI_CONFIG_FILE", cliConfig)
	_ = os.Setenv(store.EnvDatabase, filepath.Join(dir, "stray", "cloud.db"))
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// testCloud is one test's own cloud: a fresh database (a file, or a
// PostgreSQL database when SIMCLOUD_TEST_POSTGRES is set), the provider
// block that points at it, and an engine client for changes made behind
// Terraform's back.
type testCloud struct {
	path   string
	client *cloud.Client
}

func newTestCloud(t *testing.T) *testCloud {
	t.Helper()
	path := storetest.Location(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	client, err := cloud.NewClient(st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &testCloud{path: path, client: client}
}

// config prefixes a configuration with the provider block for this cloud.
func (c *testCloud) config(body string) string {
	return fmt.Sprintf("provider \"simcloud\" {\n  database = %q\n}\n\n%s", c.path, body)
}

// expectVPCAttr checks an attribute of simcloud_vpc.test in state.
func expectVPCAttr(attribute string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(vpcAddress, tfjsonpath.New(attribute), check)
}

var (
	vpcIDPattern = regexp.MustCompile(`^vpc-[0-9a-f]{17}$`)
	rtbIDPattern = regexp.MustCompile(`^rtb-[0-9a-f]{17}$`)
)

func unitTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: testFactories, Steps: steps})
}

// onlyVPC returns the one VPC in the test's cloud.
func (c *testCloud) onlyVPC(t *testing.T) cloud.VPC {
	t.Helper()
	vpcs, err := c.client.FindVPCs(context.Background(), cloud.VPCFilter{})
	return wantOne(t, "VPC in the cloud", storetest.Own(t, c.client, vpcs), err)
}

type terraformState = terraform.State

var vpcFilterAll = cloud.VPCFilter{}

// expectVPCInCloud checks that the cloud itself, not only Terraform's
// state, holds exactly one VPC, with the given block.
func (c *testCloud) expectVPCInCloud(t *testing.T, cidr string) error {
	t.Helper()
	vpcs, err := c.client.FindVPCs(context.Background(), vpcFilterAll)
	if err != nil {
		return err
	}
	vpcs = storetest.Own(t, c.client, vpcs)
	if len(vpcs) != 1 || vpcs[0].CIDRBlock != cidr {
		return fmt.Errorf("the cloud holds %+v, want one VPC with %s", vpcs, cidr)
	}
	return nil
}

// inputOf is the configuration that would leave vpc as it is.
func inputOf(vpc cloud.VPC) cloud.VPCInput {
	return cloud.VPCInput{
		CIDRBlock:                        vpc.CIDRBlock,
		InstanceTenancy:                  vpc.InstanceTenancy,
		EnableDNSSupport:                 vpc.EnableDNSSupport,
		EnableDNSHostnames:               vpc.EnableDNSHostnames,
		EnableNetworkAddressUsageMetrics: vpc.EnableNetworkAddressUsageMetrics,
		AssignGeneratedIPv6CIDRBlock:     vpc.IPv6CIDRBlock != "",
		Tags:                             vpc.Tags,
	}
}

// expectError matches a diagnostic that contains each of parts in order.
// Terraform wraps long lines, so any space in a part matches any run of
// white space.
func expectError(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// vpcByCIDR returns the one VPC of the test's cloud with the given block.
func (c *testCloud) vpcByCIDR(t *testing.T, cidr string) cloud.VPC {
	t.Helper()
	vpcs, err := c.client.FindVPCs(context.Background(), cloud.VPCFilter{CIDRBlock: cidr})
	return wantOne(t, "VPC with "+cidr, vpcs, err)
}

// expectGateways checks how many internet gateways the cloud itself has
// attached to the VPC with each block.
func (c *testCloud) expectGateways(t *testing.T, want map[string]int) error {
	t.Helper()
	for cidr, n := range want {
		found, err := c.client.FindInternetGateways(context.Background(), cloud.InternetGatewayFilter{VPCID: c.vpcByCIDR(t, cidr).ID})
		if err != nil {
			return err
		}
		if len(found) != n {
			return fmt.Errorf("the VPC with %s has %d internet gateways, want %d", cidr, len(found), n)
		}
	}
	return nil
}

// clientFor is an engine client on the test's cloud acting as account.
func (c *testCloud) clientFor(t *testing.T, account string) *cloud.Client {
	t.Helper()
	st, err := store.Open(c.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	client, err := cloud.NewClient(st, cloud.Scope{AccountID: account, Region: cloud.DefaultRegion}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return client
}

func vpcInputFor(cidr string) cloud.VPCInput {
	return cloud.VPCInput{CIDRBlock: cidr, InstanceTenancy: cloud.TenancyDefault, EnableDNSSupport: true}
}

func regexpMust(pattern string) *regexp.Regexp { return regexp.MustCompile(pattern) }
