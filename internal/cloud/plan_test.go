package cloud_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const claimGateway cloud.ClaimKind = "test-gateway"

// atMostOneGateway is a rule in the shape of "a VPC has at most one internet
// gateway", checked only against the claims of a plan.
func atMostOneGateway(vpcID string) cloud.Rule {
	return func(v cloud.View) error {
		if others := v.Claimed(claimGateway, vpcID); len(others) > 0 {
			return &cloud.Error{Code: "InvalidParameterValue", Message: fmt.Sprintf("Network %s already has an internet gateway attached", vpcID)}
		}
		return nil
	}
}

func TestPlanClaims(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	plan := cloud.NewPlan()
	claim := cloud.Claim{Kind: claimGateway, Scope: "vpc-1"}

	first := plan.NewHolder()
	if err := c.Check(ctx, plan, first, atMostOneGateway("vpc-1"), claim); err != nil {
		t.Fatalf("first claim refused: %v", err)
	}
	// Planning the same object again must not count its own claim.
	if err := c.Check(ctx, plan, first, atMostOneGateway("vpc-1"), claim); err != nil {
		t.Fatalf("an object was counted against itself: %v", err)
	}
	second := plan.NewHolder()
	if second == first || second == cloud.ExistingHolder("igw-0123456789abcdef0") {
		t.Fatalf("holders: %q %q", first, second)
	}
	wantCode(t, c.Check(ctx, plan, second, atMostOneGateway("vpc-1"), claim), "InvalidParameterValue")
	if err := c.Check(ctx, plan, second, atMostOneGateway("vpc-2"), cloud.Claim{Kind: claimGateway, Scope: "vpc-2"}); err != nil {
		t.Fatalf("claim on another VPC refused: %v", err)
	}
	// A refused check records nothing: vpc-1 still has one claim only.
	existing := cloud.ExistingHolder("igw-0123456789abcdef0")
	wantCode(t, c.Check(ctx, plan, existing, atMostOneGateway("vpc-1")), "InvalidParameterValue")

	plan.Release(first)
	if err := c.Check(ctx, plan, existing, atMostOneGateway("vpc-1"), claim); err != nil {
		t.Fatalf("released claim still counted: %v", err)
	}
	// A new plan starts empty.
	if err := c.Check(ctx, cloud.NewPlan(), first, atMostOneGateway("vpc-1"), claim); err != nil {
		t.Fatalf("claims leaked into a new plan: %v", err)
	}
}

// TestPlanClaimsRace plans many objects at once, as Terraform does, that all
// want the one place a rule allows: exactly one may get it.
func TestPlanClaimsRace(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	plan := cloud.NewPlan()
	const planners = 20
	var wg sync.WaitGroup
	results := make(chan error, planners)
	for range planners {
		wg.Go(func() {
			results <- c.Check(ctx, plan, plan.NewHolder(), atMostOneGateway("vpc-1"), cloud.Claim{Kind: claimGateway, Scope: "vpc-1"})
		})
	}
	wg.Wait()
	close(results)
	won := 0
	for err := range results {
		switch {
		case err == nil:
			won++
		case cloud.ErrorCode(err) != "InvalidParameterValue":
			t.Errorf("unexpected error: %v", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d planned objects got the claim, want 1", won)
	}
}

func TestCheckVPCCountsDefaultTags(t *testing.T) {
	c := freshClient(t)
	in := vpcInput("10.0.0.0/16")
	in.Tags = map[string]string{}
	for i := range 51 {
		in.Tags[fmt.Sprintf("k%d", i)] = "v"
	}
	plan := cloud.NewPlan()
	err := c.CheckVPC(context.Background(), plan, plan.NewHolder(), in)
	wantCode(t, err, "TagLimitExceeded")
	if f := asCloudError(t, err).Field; f != "tags_all" {
		t.Errorf("field = %q, want tags_all", f)
	}
}

func TestPlanReplacementMarks(t *testing.T) {
	plan := cloud.NewPlan()
	if plan.TakeReplaced("subnet|10.0.1.0/24") {
		t.Fatal("an unmarked key was taken")
	}
	plan.MarkReplaced("subnet|10.0.1.0/24")
	if plan.TakeReplaced("subnet|10.0.2.0/24") {
		t.Fatal("another key was taken")
	}
	if !plan.TakeReplaced("subnet|10.0.1.0/24") || plan.TakeReplaced("subnet|10.0.1.0/24") {
		t.Fatal("a mark must be taken exactly once")
	}
}
