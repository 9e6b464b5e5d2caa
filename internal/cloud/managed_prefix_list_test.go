package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestManagedPrefixListVersions: a list is made at version 1 with its
// entries ordered by CIDR; a change of the entries makes a new version, a
// new name or maximum does not; the family stays the list's own; the
// maximum cannot drop below the entries.
func TestManagedPrefixListVersions(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	in := cloud.ManagedPrefixListInput{Name: "corp", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 3,
		Entries: []cloud.PrefixListEntry{{CIDR: "192.168.0.0/16"}, {CIDR: "10.0.0.0/8", Description: "ten"}}}
	l := must(c.CreateManagedPrefixList(ctx, in))(t)
	if l.Version != 1 || l.Entries[0].CIDR != "10.0.0.0/8" {
		t.Errorf("made %+v", l)
	}
	in.Name, in.MaxEntries, in.AddressFamily = "renamed", 5, ""
	if l = must(c.UpdateManagedPrefixList(ctx, l.ID, in))(t); l.Version != 1 || l.Name != "renamed" || l.AddressFamily != cloud.PrefixListIPv4 {
		t.Errorf("after a rename: %+v", l)
	}
	in.Entries = append(in.Entries, cloud.PrefixListEntry{CIDR: "172.16.0.0/12"})
	if l = must(c.UpdateManagedPrefixList(ctx, l.ID, in))(t); l.Version != 2 || len(l.Entries) != 3 {
		t.Errorf("after an entry was added: %+v", l)
	}
	in.MaxEntries = 2
	if _, err := c.UpdateManagedPrefixList(ctx, l.ID, in); cloud.ErrorCode(err) != "PrefixListMaxEntriesExceeded" {
		t.Errorf("max_entries below the entries: %v", err)
	}
	in.MaxEntries, in.Entries = 3, []cloud.PrefixListEntry{{CIDR: "fd00::/8"}}
	if _, err := c.UpdateManagedPrefixList(ctx, l.ID, in); cloud.ErrorCode(err) != "InvalidParameterValue" {
		t.Errorf("an IPv6 entry in an IPv4 list: %v", err)
	}
	if got := must(cloud.Describe[cloud.ManagedPrefixList](c, ctx, l.ID))(t); got.Version != 2 {
		t.Errorf("refused changes changed the list: %+v", got)
	}
}
