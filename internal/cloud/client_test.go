package cloud_test

import (
	"context"
	"sync"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestObserverSeesEveryCall checks that each operation reports itself, with
// the IDs it was about and whether it failed: the provider's log is built on
// these reports.
func TestObserverSeesEveryCall(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	var mu sync.Mutex
	var events []cloud.Event
	c, err := cloud.NewClient(st, defaultScope, func(_ context.Context, e cloud.Event) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, e)
	})
	if err != nil {
		t.Fatal(err)
	}
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	_ = c.DeleteVPC(ctx, "vpc-00000000000000000")

	if len(events) != 2 {
		t.Fatalf("got %d events, want 2: %+v", len(events), events)
	}
	created, refused := events[0], events[1]
	if created.Operation != "CreateVpc" || created.IDs["vpc_id"] != vpc.ID || created.Err != nil || created.Duration <= 0 {
		t.Errorf("create event = %+v", created)
	}
	if refused.Operation != "DeleteVpc" || cloud.ErrorCode(refused.Err) != "InvalidVpcID.NotFound" {
		t.Errorf("delete event = %+v", refused)
	}
}

func TestNewClientValidatesScope(t *testing.T) {
	st, _ := openStore(t)
	for _, scope := range []cloud.Scope{{AccountID: "1", Region: "us-east-1"}, {AccountID: "123456789012", Region: "nowhere-1"}} {
		if _, err := cloud.NewClient(st, scope, nil); err == nil {
			t.Errorf("scope %+v accepted", scope)
		}
	}
}
