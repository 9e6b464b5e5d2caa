package provider

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// onlyOne is the one object of type T that the test's cloud holds among
// those filter finds; the test fails unless there is exactly one.
func onlyOne[T cloud.Row, F cloud.Filter](t *testing.T, c *testCloud, what string, filter F) T {
	t.Helper()
	all, err := cloud.Find[T](c.client, context.Background(), filter)
	return wantOne(t, what, all, err)
}
