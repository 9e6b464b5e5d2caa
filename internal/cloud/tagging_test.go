package cloud_test

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func TestChangeTags(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	c := newClient(t, st, defaultScope)
	in := vpcInput("10.0.0.0/16")
	in.Tags = map[string]string{"Name": "a", "old": "x"}
	vpc := mustCreateVPC(t, c, in)

	got, err := c.ChangeTags(ctx, vpc.ID, map[string]string{"Name": "b", "env": "lab"}, []string{"old"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Name": "b", "env": "lab"}
	if !maps.Equal(got, want) {
		t.Errorf("ChangeTags returned %v, want %v", got, want)
	}
	read, err := c.VPC(ctx, vpc.ID)
	if err != nil || !maps.Equal(read.Tags, want) {
		t.Errorf("VPC tags after ChangeTags = %v (%v), want %v", read.Tags, err, want)
	}

	// The rules of CreateTags: unknown and malformed IDs, reserved keys,
	// another account's object.
	_, err = c.ChangeTags(ctx, "vpc-0123456789abcdef0", map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidVpcID.NotFound")
	_, err = c.ChangeTags(ctx, "vpc-XYZ", map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidVpcID.Malformed")
	_, err = c.ChangeTags(ctx, "bogus", map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidID")
	_, err = c.ChangeTags(ctx, vpc.ID, map[string]string{"aws:x": "b"}, nil)
	wantCode(t, err, "InvalidParameterValue")
	other := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion})
	_, err = other.ChangeTags(ctx, vpc.ID, map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidVpcID.NotFound")

	read, _ = c.VPC(ctx, vpc.ID)
	if !maps.Equal(read.Tags, want) {
		t.Errorf("refused changes altered the tags: %v", read.Tags)
	}
}

func TestKindOf(t *testing.T) {
	for id, want := range map[string]string{"vpc-1": "vpc", "eipalloc-1": "eipalloc", "nat-1": "nat", "rtbassoc-1": "", "x": "", "": ""} {
		k, ok := cloud.KindOf(id)
		if ok != (want != "") || (ok && !strings.EqualFold(k.Prefix, want)) {
			t.Errorf("KindOf(%q) = %q, %v; want %q", id, k.Prefix, ok, want)
		}
	}
}
