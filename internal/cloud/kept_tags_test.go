package cloud_test

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestKeepingTags: a client told to keep tags keeps those the object has
// under the kept keys when it replaces the object's tags, lets a write set
// them itself, and still counts them towards AWS's limit on tags.
func TestKeepingTags(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	plain := newClient(t, st, defaultScope)
	kept := cloud.TagKeys{Keys: []string{"Owner"}, Prefixes: []string{"kubernetes.io/"}}
	c := plain.KeepingTags(kept)

	in := vpcInput("10.0.0.0/16")
	in.Tags = map[string]string{"Name": "a"}
	vpc := mustCreateVPC(t, c, in)
	// Another system tags the VPC.
	must(plain.ChangeTags(ctx, vpc.ID, map[string]string{"Owner": "ops", "kubernetes.io/cluster/x": "shared", "Stray": "y"}, nil))(t)

	// The object an update returns has the tags the update was given; the
	// kept ones are on the object in the cloud.
	stored := func() map[string]string { return must(plain.VPC(ctx, vpc.ID))(t).Tags }
	in.Tags = map[string]string{"Name": "b"}
	must(c.UpdateVPC(ctx, vpc.ID, in))(t)
	got := stored()
	want := map[string]string{"Name": "b", "Owner": "ops", "kubernetes.io/cluster/x": "shared"}
	if !maps.Equal(got, want) {
		t.Errorf("tags after an update by a keeping client = %v, want %v (Stray is no kept key: the write removes it)", got, want)
	}
	// A write that sets a kept key itself wins.
	in.Tags = map[string]string{"Name": "b", "Owner": "me"}
	must(c.UpdateVPC(ctx, vpc.ID, in))(t)
	got = stored()
	want = map[string]string{"Name": "b", "Owner": "me", "kubernetes.io/cluster/x": "shared"}
	if !maps.Equal(got, want) {
		t.Errorf("tags after a write of a kept key = %v, want %v", got, want)
	}
	// The plain client keeps nothing, and ChangeTags, naming its keys,
	// removes a kept key even through a keeping client.
	must(c.ChangeTags(ctx, vpc.ID, nil, []string{"Owner"}))(t)
	in.Tags = map[string]string{"Name": "c"}
	must(plain.UpdateVPC(ctx, vpc.ID, in))(t)
	got = stored()
	if want := map[string]string{"Name": "c"}; !maps.Equal(got, want) {
		t.Errorf("tags after an update by a plain client = %v, want %v", got, want)
	}

	// 50 tags of its own and one kept: beyond AWS's limit.
	must(plain.ChangeTags(ctx, vpc.ID, map[string]string{"Owner": "ops"}, nil))(t)
	in.Tags = map[string]string{}
	for i := range 50 {
		in.Tags[fmt.Sprintf("k%d", i)] = "v"
	}
	_, err := c.UpdateVPC(ctx, vpc.ID, in)
	wantCode(t, err, "TagLimitExceeded")
}

func TestTagKeys(t *testing.T) {
	k := cloud.TagKeys{Keys: []string{"Owner"}, Prefixes: []string{"kubernetes.io/", "team:"}}
	for key, want := range map[string]bool{
		"Owner": true, "Owners": false, "owner": false, "kubernetes.io/cluster/a": true, "kubernetes.io": false, "team:x": true, "Name": false,
	} {
		if got := k.Has(key); got != want {
			t.Errorf("Has(%q) = %v, want %v", key, got, want)
		}
	}
	got := k.Without(map[string]string{"Owner": "a", "team:x": "b", "Name": "c"})
	if want := map[string]string{"Name": "c"}; !maps.Equal(got, want) {
		t.Errorf("Without = %v, want %v", got, want)
	}
	wantCode(t, cloud.ValidateTagKeyPattern("", "ignore_tags.keys"), "InvalidParameterValue")
	if err := cloud.ValidateTagKeyPattern("Owner", "ignore_tags.keys"); err != nil {
		t.Errorf("ValidateTagKeyPattern(Owner) = %v", err)
	}
}
