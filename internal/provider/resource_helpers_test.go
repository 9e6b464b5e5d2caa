package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// onlyOne is the one object of type T that the test's cloud holds among
// those filter finds; the test fails unless there is exactly one.
func onlyOne[T cloud.Row, F cloud.Filter](t *testing.T, c *testCloud, what string, filter F) T {
	t.Helper()
	all, err := cloud.Find[T](c.client, context.Background(), filter)
	return wantOne(t, what, storetest.Own(t, c.client, all), err)
}

// described is the object of type T with the given ID in the test's cloud;
// the test fails unless the cloud describes it.
func described[T cloud.Row](t *testing.T, c *testCloud, id string) T {
	t.Helper()
	object, err := cloud.Describe[T](c.client, context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return object
}

// deletedStep deletes the object whose ID id gives behind Terraform's
// back, then plans config and expects the resource at address to be
// created again.
func (c *testCloud) deletedStep(t *testing.T, id func() string, config, address string) resource.TestStep {
	return driftStep(t, func() error { return c.client.DeleteObject(context.Background(), id()) }, config, address, actionCreate)
}

// expectRuleCounts checks how many inbound and outbound rules counts finds
// on the object that what names.
func expectRuleCounts(what string, counts func() (int, int), ingress, egress int) resource.TestCheckFunc {
	return func(*terraformState) error {
		if in, out := counts(); in != ingress || out != egress {
			return fmt.Errorf("%s has %d inbound and %d outbound rules, want %d and %d", what, in, out, ingress, egress)
		}
		return nil
	}
}
