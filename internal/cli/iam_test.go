package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestShowAndDeleteByARN: objects that AWS names by ARN are shown, refused
// and deleted by it, as objects with IDs are by theirs.
func TestShowAndDeleteByARN(t *testing.T) {
	ctx := context.Background()
	location := storetest.Location(t)
	st, err := store.Open(location)
	if err != nil {
		t.Fatal(err)
	}
	c := storetest.Client(t, st)
	trust := `{"Statement":[{"Effect":"Allow","Principal":{"Service":"vpc-flow-logs.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	role, err := c.CreateIAMRole(ctx, cloud.IAMRoleInput{Name: "flow-logs", Path: "/", AssumeRolePolicy: trust, MaxSessionDuration: 3600})
	if err != nil {
		t.Fatal(err)
	}
	attachment, err := c.AttachRolePolicy(ctx, role.Name, "arn:aws:iam::aws:policy/ReadOnlyAccess")
	if err != nil {
		t.Fatal(err)
	}
	group, err := c.CreateLogGroup(ctx, cloud.LogGroupInput{Name: "/vpc/flow", LogGroupClass: "STANDARD", Tags: map[string]string{"Name": "flow"}})
	if err != nil {
		t.Fatal(err)
	}
	_ = st.Close()

	for _, arn := range []string{role.ARN, group.ARN, attachment.Key} {
		if out := mustRun(t, location, "", "show", arn); !strings.Contains(out, arn) {
			t.Errorf("show %s:\n%s", arn, out)
		}
	}
	if r := run(t, location, "", "delete", role.ARN); r.code == 0 || !strings.Contains(r.stderr, "DeleteConflict") {
		t.Errorf("deleting a role with an attached policy: exit %d, %s", r.code, r.stderr)
	}
	for _, arn := range []string{attachment.Key, role.ARN, group.ARN} {
		mustRun(t, location, "", "delete", arn)
		if r := run(t, location, "", "show", arn); r.code == 0 {
			t.Errorf("show %s after its delete: exit 0\n%s", arn, r.stdout)
		}
	}
}

// TestOrphansFlowLog: a flow log that no state knows, in a known VPC, is an
// orphan, and --delete deletes it.
func TestOrphansFlowLog(t *testing.T) {
	location, lab := orphansLab(t)
	var flowLog string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		f, err := c.CreateFlowLog(context.Background(), cloud.FlowLogInput{Target: cloud.FlowLogTargets[0], ResourceID: lab.vpc, TrafficType: "ALL",
			LogDestinationType: "s3", LogDestination: "arn:aws:s3:::flow-logs", MaxAggregationInterval: 600})
		if err != nil {
			t.Fatal(err)
		}
		flowLog = f.ID
	})
	state := stateFile(t, lab.everything())
	if got := orphansJSON(t, location, "", state); len(got) != 1 || got[0] != "flow_log "+flowLog {
		t.Errorf("orphans lists %v, want the flow log %s", got, flowLog)
	}
	if out := mustRun(t, location, "", "orphans", "--delete", state); !strings.Contains(out, "Deleted flow log "+flowLog) {
		t.Errorf("orphans --delete said:\n%s", out)
	}
	if got := orphansJSON(t, location, "", state); len(got) != 0 {
		t.Errorf("after --delete, orphans still lists %v", got)
	}
}
