package cloud

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// ManagedPrefixList is a customer-managed prefix list: a named set of CIDR
// blocks of one address family that routes and security group rules can
// name instead of each block. Version counts the changes of its entries.
type ManagedPrefixList struct {
	ID, OwnerID, Region string
	Version             int64
	ManagedPrefixListInput
}

// ManagedPrefixListInput is the desired configuration of a prefix list.
type ManagedPrefixListInput struct {
	Name          string
	AddressFamily string
	MaxEntries    int64
	Entries       []PrefixListEntry
	Tags          map[string]string
}

// PrefixListEntry is one CIDR block of a prefix list.
type PrefixListEntry struct {
	CIDR        string `json:"cidr"`
	Description string `json:"description,omitempty"`
}

// ManagedPrefixListFilter selects customer-managed prefix lists; empty
// fields match all.
type ManagedPrefixListFilter struct {
	ID   string
	Tags map[string]string
}

func (ManagedPrefixList) StoredKind() Kind         { return KindPrefixList }
func (ManagedPrefixListFilter) FilteredKind() Kind { return KindPrefixList }
func (l ManagedPrefixList) ARN() string            { return ownedARN(l, l.OwnerID, l.Region, l.ID) }

// The address families of a prefix list, as AWS writes them.
const (
	PrefixListIPv4 = "IPv4"
	PrefixListIPv6 = "IPv6"
)

// AWS's limits on a prefix list.
const (
	MaxPrefixListEntries = 1000
	// maxPrefixListNameLength bounds a list's name and an entry's
	// description alike.
	maxPrefixListNameLength = 255
)

// rule checks a list's configuration in the order of the AWS provider's
// arguments, then its tags. The rules of CreateManagedPrefixList and
// ModifyManagedPrefixList are the same on the list as it is to be.
func (in ManagedPrefixListInput) rule() Rule {
	return func(v View) error {
		if err := validatePrefixListName(in.Name); err != nil {
			return err
		}
		if err := ValidatePrefixListAddressFamily(knownOr(in.AddressFamily)); err != nil {
			return err
		}
		if in.MaxEntries < 1 || in.MaxEntries > MaxPrefixListEntries {
			return invalidValue(strconv.FormatInt(in.MaxEntries, 10), "MaxEntries", "max_entries",
				fmt.Sprintf("Give a number of entries from 1 to %d.", MaxPrefixListEntries))
		}
		if err := in.entriesRule(); err != nil {
			return err
		}
		return tagsRule(in.Tags)(v)
	}
}

// ValidatePrefixListAddressFamily checks a list's address_family; "" is
// left for the rules of a list whose family is its own.
func ValidatePrefixListAddressFamily(family string) error {
	if family == "" || family == PrefixListIPv4 || family == PrefixListIPv6 {
		return nil
	}
	return invalidValue(family, "AddressFamily", "address_family", "Give IPv4 or IPv6.")
}

func validatePrefixListName(name string) error {
	switch {
	case !IsKnown(name):
		return nil
	case name == "" || len(name) > maxPrefixListNameLength:
		return invalidValue(name, "PrefixListName", "name", fmt.Sprintf("Give a name of 1 to %d characters.", maxPrefixListNameLength))
	case strings.HasPrefix(name, "com.amazonaws"):
		return invalidValue(name, "PrefixListName", "name", "Names starting with com.amazonaws are AWS's own: choose another.")
	}
	return nil
}

// entriesRule checks a list's entries: CIDR blocks of the list's family,
// each once, no more than max_entries of them.
func (in ManagedPrefixListInput) entriesRule() error {
	seen := map[netip.Prefix]bool{}
	for _, e := range in.Entries {
		if len(e.Description) > maxPrefixListNameLength {
			return invalidValue(e.Description, "Description", "entry", fmt.Sprintf("Give a description of at most %d characters.", maxPrefixListNameLength))
		}
		if !IsKnown(e.CIDR) {
			continue
		}
		p, err := parsePrefixListCIDR(e.CIDR, in.AddressFamily)
		if err != nil {
			return err
		}
		if seen[p] {
			return &Error{Code: "InvalidParameterValue", Message: fmt.Sprintf("The request contains duplicate entries for CIDR %s.", e.CIDR),
				Fix: "Give each CIDR block once; to change an entry's description, change that entry.", Field: "entry", Objects: []string{e.CIDR}}
		}
		seen[p] = true
	}
	if int64(len(in.Entries)) > in.MaxEntries {
		return &Error{Code: "PrefixListMaxEntriesExceeded",
			Message: fmt.Sprintf("The prefix list would have %d entries, more than its maximum of %d.", len(in.Entries), in.MaxEntries),
			Fix:     "Raise max_entries to at least the number of entries, or remove entries.", Field: "max_entries"}
	}
	return nil
}

// parsePrefixListCIDR parses an entry's CIDR block, which must be a network
// of the list's family (unknown until apply: either).
func parsePrefixListCIDR(s, family string) (netip.Prefix, error) {
	parse := ParseIPv4Network
	if p, err := netip.ParsePrefix(s); err == nil && p.Addr().Is6() {
		parse = ParseIPv6Network
	}
	p, err := parse(s, "Cidr", "entry")
	if err != nil {
		return p, err
	}
	if IsKnown(family) && p.Addr().Is4() != (family == PrefixListIPv4) {
		e := invalidParameter("entry", fmt.Sprintf("The CIDR %s is not of the prefix list's address family, %s.", s, family),
			fmt.Sprintf("Give %s blocks only, or make a list of the other family for this one.", family))
		e.Objects = []string{s}
		return p, e
	}
	return p, nil
}

// CheckManagedPrefixList runs at plan time the rules that creating or
// changing a list with this configuration will meet at apply.
func (c *Client) CheckManagedPrefixList(ctx context.Context, p *Plan, holder Holder, in ManagedPrefixListInput) error {
	return c.Check(ctx, p, holder, in.rule())
}

// CreateManagedPrefixList creates a prefix list, version 1.
func (c *Client) CreateManagedPrefixList(ctx context.Context, in ManagedPrefixListInput) (ManagedPrefixList, error) {
	in.Entries = SortedPrefixListEntries(in.Entries)
	l := ManagedPrefixList{ID: newID(KindPrefixList), OwnerID: c.scope.AccountID, Region: c.scope.Region, Version: 1, ManagedPrefixListInput: in}
	return createTagged(c, ctx, "CreateManagedPrefixList", kindOf[ManagedPrefixList]().ids(l.ID), in.rule(), l, l.ID, l.Tags)
}

// UpdateManagedPrefixList changes a list's name, maximum, entries and tags
// in place; a change of the entries makes a new version, as in AWS.
func (c *Client) UpdateManagedPrefixList(ctx context.Context, id string, in ManagedPrefixListInput) (ManagedPrefixList, error) {
	var l ManagedPrefixList
	in.Entries = SortedPrefixListEntries(in.Entries)
	// The family is the list's own: it never changes.
	rule := func(v View) error {
		l, err := findStored[ManagedPrefixList](v, c.scope, id, "id")
		if err != nil {
			return err
		}
		in.AddressFamily = l.AddressFamily
		return in.rule()(v)
	}
	err := c.apply(ctx, "ModifyManagedPrefixList", kindOf[ManagedPrefixList]().ids(id), rule, func(tx Tx) error {
		var err error
		if l, err = findStored[ManagedPrefixList](tx, c.scope, id, "id"); err != nil {
			return err
		}
		if !slices.Equal(l.Entries, in.Entries) {
			l.Version++
		}
		l.ManagedPrefixListInput = in
		return updateTagged(tx, l, l.ID, l.Tags)
	})
	return made(l, err)
}

// SortedPrefixListEntries orders a list's entries by CIDR, as
// GetManagedPrefixListEntries returns them.
func SortedPrefixListEntries(entries []PrefixListEntry) []PrefixListEntry {
	out := slices.Clone(entries)
	slices.SortFunc(out, func(a, b PrefixListEntry) int { return strings.Compare(a.CIDR, b.CIDR) })
	return out
}

func describeManagedPrefixList(l ManagedPrefixList) Object {
	return Object{ID: l.ID, Tags: l.Tags, Value: l}
}

// refuseRoutedPrefixList refuses to delete a list while routes send
// traffic to it, as AWS does.
func refuseRoutedPrefixList(tx ReadTx, l ManagedPrefixList) error {
	tables, err := list[RouteTable](tx, Scope{AccountID: l.OwnerID, Region: l.Region}, RouteTableFilter{})
	if err != nil {
		return err
	}
	var routes []string
	for _, t := range tables {
		for _, r := range t.Routes {
			if r.Destination == l.ID {
				routes = append(routes, RouteID(t.ID, r.Destination))
			}
		}
	}
	if len(routes) == 0 {
		return nil
	}
	e := dependencyViolation(KindPrefixList, l.ID, routes, nil)
	e.Fix = fmt.Sprintf("Delete the routes to the list first: %s.", joinIDs(routes))
	return e
}
