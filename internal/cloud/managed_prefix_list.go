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
	// Entries are the entries of the list's own entry blocks; those of
	// simcloud_ec2_managed_prefix_list_entry resources are kept apart.
	Entries []PrefixListEntry
	Tags    map[string]string
}

// PrefixListEntry is one CIDR block of a prefix list. ManagedBy says which
// kind of Terraform resource made it (AWS knows nothing of this), so that
// a list whose entries are managed both by its entry blocks and by
// simcloud_ec2_managed_prefix_list_entry resources is refused.
type PrefixListEntry struct {
	CIDR        string `json:"cidr"`
	Description string `json:"description,omitempty"`
	ManagedBy   string `json:"managed_by,omitempty"`
}

// ManagedByEntryResource marks the entries that
// simcloud_ec2_managed_prefix_list_entry resources make; the list's own
// entry blocks make ManagedInline ones.
const ManagedByEntryResource = "entry"

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
	if family != "" && IsKnown(family) && p.Addr().Is4() != (family == PrefixListIPv4) {
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
	in.Entries = canonicalEntries(in.Entries)
	return c.Check(ctx, p, holder, in.rule())
}

// CreateManagedPrefixList creates a prefix list, version 1.
func (c *Client) CreateManagedPrefixList(ctx context.Context, in ManagedPrefixListInput) (ManagedPrefixList, error) {
	in.Entries = inlineEntries(canonicalEntries(in.Entries))
	l := ManagedPrefixList{ID: newID(KindPrefixList), OwnerID: c.scope.AccountID, Region: c.scope.Region, Version: 1, ManagedPrefixListInput: in}
	return createTagged(c, ctx, "CreateManagedPrefixList", kindOf[ManagedPrefixList]().ids(l.ID), in.rule(), l, l.ID, l.Tags)
}

// modifyRule checks a change of list id to in: the rules of the list as
// it is to be, with its own family and the entries of entry resources, and
// entry blocks only on a list whose entries no entry resource manages.
func (c *Client) modifyRule(id string, in ManagedPrefixListInput) Rule {
	return func(v View) error {
		if !IsKnown(id) {
			return in.rule()(v)
		}
		l, err := findStored[ManagedPrefixList](v, c.scope, id, "id")
		if err != nil {
			return err
		}
		if len(in.Entries) > 0 {
			if err := entryManagementRule(l, ManagedInline); err != nil {
				return err
			}
		}
		check := in
		check.AddressFamily, check.Entries = l.AddressFamily, withEntryResources(l, in.Entries)
		return check.rule()(v)
	}
}

// CheckModifyManagedPrefixList runs at plan time the rules that changing
// list id to in will meet at apply.
func (c *Client) CheckModifyManagedPrefixList(ctx context.Context, p *Plan, holder Holder, id string, in ManagedPrefixListInput) error {
	in.Entries = canonicalEntries(in.Entries)
	return c.Check(ctx, p, holder, c.modifyRule(id, in))
}

// UpdateManagedPrefixList changes a list's name, maximum, entries and tags
// in place; a change of the entries makes a new version, as in AWS.
func (c *Client) UpdateManagedPrefixList(ctx context.Context, id string, in ManagedPrefixListInput) (ManagedPrefixList, error) {
	in.Entries = canonicalEntries(in.Entries)
	var l ManagedPrefixList
	err := c.apply(ctx, "ModifyManagedPrefixList", kindOf[ManagedPrefixList]().ids(id), c.modifyRule(id, in), func(tx Tx) error {
		var err error
		if l, err = findStored[ManagedPrefixList](tx, c.scope, id, "id"); err != nil {
			return err
		}
		in.AddressFamily, in.Entries = l.AddressFamily, withEntryResources(l, inlineEntries(in.Entries))
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

// refusePrefixListInRules refuses to delete a list while security group
// rules name it, as it does while routes do.
func refusePrefixListInRules(tx ReadTx, l ManagedPrefixList) error {
	rules, err := tx.PrefixListRules(l.ID)
	if err != nil || len(rules) == 0 {
		return err
	}
	var ids, what []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		what = append(what, fmt.Sprintf("%s of %s (%s)", r.ID, r.GroupID, describeRule(r)))
	}
	e := dependencyViolation(KindPrefixList, l.ID, ids, what)
	e.Fix = fmt.Sprintf("Revoke the security group rules that name the list first: %s.", joinIDs(what))
	return e
}

// canonicalEntries are entries with their blocks as the cloud keeps them,
// so that "2001:DB8::/32" is a duplicate of "2001:db8::/32".
func canonicalEntries(entries []PrefixListEntry) []PrefixListEntry {
	out := slices.Clone(entries)
	for i := range out {
		out[i].CIDR = CanonicalCIDR(out[i].CIDR)
	}
	return out
}

// inlineEntries are the entries of a list's entry blocks, ordered.
func inlineEntries(entries []PrefixListEntry) []PrefixListEntry {
	out := SortedPrefixListEntries(entries)
	for i := range out {
		out[i].ManagedBy = ManagedInline
	}
	return out
}

// withEntryResources is a list's entries once its entry blocks give
// inline: those, and the entries of entry resources, kept.
func withEntryResources(l ManagedPrefixList, inline []PrefixListEntry) []PrefixListEntry {
	out := slices.Clone(inline)
	for _, e := range l.Entries {
		if e.ManagedBy == ManagedByEntryResource {
			out = append(out, e)
		}
	}
	return SortedPrefixListEntries(out)
}

// entryManagementRule refuses to manage a list's entries one way (manager)
// while some of them are managed the other.
func entryManagementRule(l ManagedPrefixList, manager string) error {
	var others []string
	for _, e := range l.Entries {
		if e.ManagedBy != "" && e.ManagedBy != manager {
			others = append(others, PrefixListEntryID(l.ID, e.CIDR))
		}
	}
	if len(others) == 0 {
		return nil
	}
	what, fix := "simcloud_ec2_managed_prefix_list_entry resources", "Remove the list's entry blocks, or the entry resources"
	if manager == ManagedByEntryResource {
		what, fix = "the entry blocks of its simcloud_ec2_managed_prefix_list", "Remove the entry resource, or the list's entry blocks"
	}
	return &Error{Code: "InvalidParameterCombination",
		Message: fmt.Sprintf("The entries of prefix list %s are managed by %s.", l.ID, what),
		Fix:     fix + ": a list's entries are managed one way, never both, as the AWS provider requires; with both, each apply would undo the other's entries.",
		Objects: append([]string{l.ID}, others...)}
}

// PrefixListEntryID is the AWS provider's ID of an entry: the list's ID, a
// comma and the CIDR.
func PrefixListEntryID(listID, cidr string) string { return listID + "," + cidr }

// ParsePrefixListEntryID reads an entry's ID.
func ParsePrefixListEntryID(id string) (listID, cidr string, err error) {
	listID, cidr, _ = strings.Cut(id, ",")
	if _, perr := netip.ParsePrefix(cidr); perr != nil || ValidateID(KindPrefixList, listID, "") != nil {
		return "", "", invalidParameter("id", fmt.Sprintf("Invalid prefix list entry ID %q: expected <prefix list ID>,<cidr>.", printable(id)),
			"Write the list's ID, a comma and the entry's CIDR, such as pl-0123456789abcdef0,10.0.0.0/8.")
	}
	return listID, cidr, nil
}

// entryRule checks adding an entry to a list: the list exists, its entries
// are not managed by its entry blocks, and the list with the entry keeps
// AWS's rules.
func (c *Client) entryRule(listID string, e PrefixListEntry) Rule {
	return func(v View) error {
		if !IsKnown(listID) {
			_, err := parsePrefixListCIDR(knownOr(e.CIDR), "")
			if e.CIDR == "" || !IsKnown(e.CIDR) {
				return nil
			}
			return err
		}
		l, err := findStored[ManagedPrefixList](v, c.scope, listID, "prefix_list_id")
		if err != nil {
			return err
		}
		if err := entryManagementRule(l, ManagedByEntryResource); err != nil {
			return err
		}
		in := l.ManagedPrefixListInput
		in.Entries = append(slices.Clone(in.Entries), e)
		return in.rule()(v)
	}
}

// CheckPrefixListEntry runs at plan time the rules that adding an entry
// will meet at apply.
func (c *Client) CheckPrefixListEntry(ctx context.Context, p *Plan, holder Holder, listID string, e PrefixListEntry) error {
	e.CIDR = CanonicalCIDR(e.CIDR)
	return c.Check(ctx, p, holder, c.entryRule(listID, e))
}

// CreatePrefixListEntry adds an entry to a list, a new version of it.
func (c *Client) CreatePrefixListEntry(ctx context.Context, listID string, e PrefixListEntry) (PrefixListEntry, error) {
	e.CIDR = CanonicalCIDR(e.CIDR)
	e.ManagedBy = ManagedByEntryResource
	err := c.apply(ctx, "ModifyManagedPrefixList", kindOf[ManagedPrefixList]().ids(listID), c.entryRule(listID, e), func(tx Tx) error {
		l, err := findStored[ManagedPrefixList](tx, c.scope, listID, "prefix_list_id")
		if err != nil {
			return err
		}
		l.Entries, l.Version = SortedPrefixListEntries(append(l.Entries, e)), l.Version+1
		return tx.Update(l)
	})
	return made(e, err)
}

// PrefixListEntry reads a list's entry by its CIDR.
func (c *Client) PrefixListEntry(ctx context.Context, listID, cidr string) (PrefixListEntry, error) {
	cidr = CanonicalCIDR(cidr)
	return readResult(ctx, c, "GetManagedPrefixListEntries", kindOf[ManagedPrefixList]().ids(listID), func(tx ReadTx) (PrefixListEntry, error) {
		l, err := findStored[ManagedPrefixList](tx, c.scope, listID, "prefix_list_id")
		if err != nil {
			return PrefixListEntry{}, err
		}
		for _, e := range l.Entries {
			if e.CIDR == cidr {
				return e, nil
			}
		}
		return PrefixListEntry{}, &Error{Code: "InvalidPrefixListEntry.NotFound", Message: fmt.Sprintf("The prefix list %s has no entry for %s.", listID, printable(cidr)),
			Fix: "Add the entry, or check the CIDR.", Field: "cidr", Objects: []string{listID}}
	})
}

// DeletePrefixListEntry removes an entry from a list, a new version of it.
func (c *Client) DeletePrefixListEntry(ctx context.Context, listID, cidr string) error {
	cidr = CanonicalCIDR(cidr)
	return c.write(ctx, "ModifyManagedPrefixList", kindOf[ManagedPrefixList]().ids(listID), func(tx Tx) error {
		l, err := findStored[ManagedPrefixList](tx, c.scope, listID, "prefix_list_id")
		if err != nil {
			return err
		}
		kept := slices.DeleteFunc(slices.Clone(l.Entries), func(e PrefixListEntry) bool { return e.CIDR == cidr })
		if len(kept) == len(l.Entries) {
			return nil
		}
		l.Entries, l.Version = kept, l.Version+1
		return tx.Update(l)
	})
}
