package provider

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

const igwAddress = "simcloud_internet_gateway.test"

var igwIDPattern = regexp.MustCompile(`^igw-[0-9a-f]{17}$`)

func TestAccInternetGateway_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	gateway := func(vpc, name string) string {
		return c.config(vpcsAB + tfGateway("test", vpc, `tags = { Name = "`+name+`" }`))
	}
	sameAs := func(vpc string) statecheck.StateCheck {
		return sameValue(igwAddress, "vpc_id", "simcloud_vpc."+vpc, "id")
	}
	unitTest(t,
		resource.TestStep{
			Config: gateway("a", "first"),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(igwAddress, "id", knownvalue.StringRegexp(igwIDPattern)),
				attrIs(igwAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:internet-gateway/igw-[0-9a-f]{17}$`)),
				attrIs(igwAddress, "owner_id", knownvalue.StringExact("123456789012")),
				sameAs("a"),
			},
		},
		importStep(igwAddress),
		resource.TestStep{
			Config:            gateway("b", "moved"),
			ConfigPlanChecks:  expectPlanAction(igwAddress, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{sameAs("b")},
			Check: func(*terraformState) error {
				return c.expectGateways(t, map[string]int{"10.0.0.0/16": 0, "10.1.0.0/16": 1})
			},
		},
	)
}

// TestAccInternetGateway_secondGatewayFailsAtPlan covers each way a
// configuration can give a VPC a second gateway. Every one must fail at
// plan, with AWS's words, before anything changes.
func TestAccInternetGateway_secondGatewayFailsAtPlan(t *testing.T) {
	c := newTestCloud(t)
	applied := vpcsAB + tfGateway("test", "a") + tfResource("internet_gateway", "spare")
	var outside cloud.InternetGateway
	secondFails := func(extra string, wants ...string) resource.TestStep {
		return planFails(c.config(applied+extra), append([]string{"InvalidParameterValue: Network vpc-", "already has an internet gateway attached"}, wants...)...)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(applied)},
		// The VPC already has a gateway in the cloud.
		secondFails(tfGateway("second", "a"), "vpc_id = simcloud_vpc.a.id", "igw-"),
		// Two new gateways for one existing VPC in the same plan.
		secondFails(tfGateway("one", "b")+tfGateway("two", "b"), "another resource of this configuration"),
		// A gateway and an attachment of another gateway on one VPC.
		secondFails(tfGateway("one", "b")+tfAttachment("two", "simcloud_internet_gateway.spare.id", "b"), "another resource of this configuration"),
		// Moving a gateway onto a VPC that has one.
		planFails(c.config(vpcsAB+tfGateway("test", "a")+tfGateway("spare", "a")),
			"InvalidParameterValue: Network vpc-", "already has an internet gateway attached"),
		// Another configuration (here, the engine) gave the VPC a gateway.
		resource.TestStep{
			PreConfig: func() {
				var err error
				outside, err = c.client.CreateInternetGateway(context.Background(), c.vpcByCIDR(t, "10.1.0.0/16").ID, nil)
				if err != nil {
					t.Fatal(err)
				}
			},
			Config:      c.config(applied + tfGateway("second", "b")),
			PlanOnly:    true,
			ExpectError: expectError("already has an internet gateway attached", "igw-"),
		},
		resource.TestStep{
			PreConfig: func() {
				if err := c.client.DetachAndDeleteInternetGateway(context.Background(), outside.ID); err != nil {
					t.Fatal(err)
				}
				if err := c.expectGateways(t, map[string]int{"10.0.0.0/16": 1, "10.1.0.0/16": 0}); err != nil {
					t.Fatal(err)
				}
			},
			Config: c.config(applied),
		},
	)
}

// TestAccInternetGateway_unknownVPCFailsAtomically gives a VPC created in the
// same apply two gateways: nothing can know at plan, so the apply fails for
// one of them, and the cloud keeps exactly one gateway, the one in state.
func TestAccInternetGateway_unknownVPCFailsAtomically(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		resource.TestStep{
			Config:      c.config(vpcsAB + tfGateway("one", "a") + tfGateway("two", "a")),
			ExpectError: expectError("InvalidParameterValue: Network vpc-", "already has an internet gateway attached"),
		},
		resource.TestStep{
			PreConfig: func() {
				if err := c.expectGateways(t, map[string]int{"10.0.0.0/16": 1}); err != nil {
					t.Fatal(err)
				}
				if all, _ := c.client.FindInternetGateways(context.Background(), cloud.InternetGatewayFilter{}); len(storetest.Own(t, c.client, all)) != 1 {
					t.Fatalf("the failed gateway was left in the cloud: %d gateways", len(all))
				}
			},
			// Without the gateways in the configuration, Terraform destroys
			// the one it created: it can only do so if it is in state.
			Config: c.config(vpcsAB),
			Check: func(*terraformState) error {
				if all, _ := c.client.FindInternetGateways(context.Background(), cloud.InternetGatewayFilter{}); len(storetest.Own(t, c.client, all)) != 0 {
					return fmt.Errorf("%d gateways are left that state did not know of", len(all))
				}
				return nil
			},
		},
	)
}

func TestAccInternetGateway_badVPCFailsAtPlan(t *testing.T) {
	c := newTestCloud(t)
	withVPC := func(resourceType, vpcID string) string {
		return c.config(tfBlock(`resource "`+resourceType+`" "test"`, `vpc_id = "`+vpcID+`"`))
	}
	var steps []resource.TestStep
	for _, resourceType := range []string{"simcloud_internet_gateway", "simcloud_egress_only_internet_gateway"} {
		steps = append(steps,
			planFails(withVPC(resourceType, "vpc-0123456789abcdef0"), "InvalidVpcID.NotFound: The vpc ID 'vpc-0123456789abcdef0' does not exist", "vpc_id"),
			planFails(withVPC(resourceType, "subnet-0123456789abcdef0"), "InvalidVpcID.Malformed", `vpc_id = "subnet-`),
		)
	}
	steps = append(steps, resource.TestStep{Config: c.config(vpcsAB)})
	unitTest(t, steps...)
}

// TestAccInternetGateway_drift deletes, then detaches, the gateway behind
// Terraform's back: each time the next plan puts it back.
func TestAccInternetGateway_drift(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(vpcsAB + tfGateway("test", "a"))
	unitTest(t,
		resource.TestStep{Config: config},
		driftStep(t, func() error {
			return c.client.DetachAndDeleteInternetGateway(context.Background(), c.onlyGateway(t).ID)
		},
			config, igwAddress, actionCreate),
		withCheck(driftStep(t, func() error { return c.detachOnlyGateway(t) }, config, igwAddress, actionUpdate),
			func(*terraformState) error { return c.expectGateways(t, map[string]int{"10.0.0.0/16": 1}) }),
	)
}

// TestAccInternetGateway_vpcWithGatewayCannotBeDestroyed gives a VPC a
// gateway behind Terraform's back: destroying the VPC fails with AWS's error.
func TestAccInternetGateway_vpcWithGatewayCannotBeDestroyed(t *testing.T) {
	c := newTestCloud(t)
	var outside cloud.InternetGateway
	unitTest(t,
		resource.TestStep{Config: c.config(vpcsAB)},
		resource.TestStep{
			PreConfig: func() {
				var err error
				if outside, err = c.client.CreateInternetGateway(context.Background(), c.vpcByCIDR(t, "10.0.0.0/16").ID, nil); err != nil {
					t.Fatal(err)
				}
			},
			Config:      c.config(vpcsAB),
			Destroy:     true,
			ExpectError: expectError("DependencyViolation: The vpc 'vpc-", "has dependencies and cannot be deleted", "igw-"),
		},
		resource.TestStep{
			PreConfig: func() {
				if err := c.client.DetachAndDeleteInternetGateway(context.Background(), outside.ID); err != nil {
					t.Fatal(err)
				}
			},
			Config: c.config(vpcsAB),
		},
	)
}

// TestAccInternetGateway_racingRuns runs two terraform applies at once, each
// giving the same VPC a gateway: exactly one wins, and the other gets AWS's
// error, never a database error.
func TestAccInternetGateway_racingRuns(t *testing.T) {
	c := newTestCloud(t)
	vpc, err := c.client.CreateVPC(context.Background(), cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default"})
	if err != nil {
		t.Fatal(err)
	}
	const runs = 2
	racers := make([]*recordingT, runs)
	var wg sync.WaitGroup
	for i := range racers {
		racers[i] = &recordingT{name: fmt.Sprintf("%s/run%d", t.Name(), i), log: t.Logf}
		wg.Go(func() {
			defer racers[i].cleanup()
			resource.UnitTest(racers[i], resource.TestCase{
				ProtoV6ProviderFactories: testFactories,
				Steps: []resource.TestStep{{
					Config: c.config(tfBlock(`resource "simcloud_internet_gateway" "racer"`, `vpc_id = "`+vpc.ID+`"`)),
				}},
			})
		})
	}
	wg.Wait()
	won := 0
	for _, r := range racers {
		switch {
		case !r.Failed():
			won++
		case strings.Contains(strings.Join(r.failures, "\n"), "already has an internet gateway attached"):
			t.Logf("%s lost the race as AWS would refuse it", r.name)
		default:
			t.Errorf("%s failed otherwise: %s", r.name, strings.Join(r.failures, "\n"))
		}
	}
	if won != 1 {
		t.Fatalf("%d runs attached a gateway, want 1", won)
	}
}

// recordingT runs a terraform-plugin-testing case and records its failures
// instead of failing the test, for cases whose outcome is decided by a race.
type recordingT struct {
	name     string
	log      func(string, ...any)
	mu       sync.Mutex
	failures []string
	cleanups []func()
	skipped  bool
}

func (r *recordingT) record(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures = append(r.failures, msg)
}

func (r *recordingT) cleanup() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

func (r *recordingT) Cleanup(f func())                  { r.cleanups = append(r.cleanups, f) }
func (r *recordingT) Error(args ...any)                 { r.record(fmt.Sprint(args...)) }
func (r *recordingT) Errorf(format string, args ...any) { r.record(fmt.Sprintf(format, args...)) }
func (r *recordingT) Fail()                             { r.record("failed") }
func (r *recordingT) FailNow()                          { r.record("failed"); runtime.Goexit() }
func (r *recordingT) Failed() bool                      { r.mu.Lock(); defer r.mu.Unlock(); return len(r.failures) > 0 }
func (r *recordingT) Fatal(args ...any)                 { r.record(fmt.Sprint(args...)); runtime.Goexit() }
func (r *recordingT) Fatalf(format string, args ...any) {
	r.record(fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (r *recordingT) Helper()                          {}
func (r *recordingT) Log(args ...any)                  { r.log("%s", fmt.Sprint(args...)) }
func (r *recordingT) Logf(format string, args ...any)  { r.log(format, args...) }
func (r *recordingT) Name() string                     { return r.name }
func (r *recordingT) Parallel()                        {}
func (r *recordingT) Skip(args ...any)                 { r.skipped = true; runtime.Goexit() }
func (r *recordingT) SkipNow()                         { r.skipped = true; runtime.Goexit() }
func (r *recordingT) Skipf(format string, args ...any) { r.skipped = true; runtime.Goexit() }
func (r *recordingT) Skipped() bool                    { return r.skipped }
