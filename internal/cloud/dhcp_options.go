package cloud

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// DHCPOptions is a DHCP options set: what the instances of the VPCs
// associated with it learn from DHCP. A set never changes but for its tags.
type DHCPOptions struct {
	ID      string
	OwnerID string
	Region  string
	DHCPOptionsInput
	// Default marks the region's default set, which every new VPC gets.
	Default bool
}

// DHCPOptionsInput is the desired configuration of a DHCP options set.
type DHCPOptionsInput struct {
	DomainName                    string
	DomainNameServers             []string
	NTPServers                    []string
	NetbiosNameServers            []string
	NetbiosNodeType               string
	IPv6AddressPreferredLeaseTime string
	Tags                          map[string]string
}

// DHCPOptionsFilter selects DHCP options sets; empty fields match all.
type DHCPOptionsFilter struct {
	ID      string
	Default *bool
	Tags    map[string]string
}

// NoDHCPOptions is what AssociateDhcpOptions takes, and a VPC's
// dhcp_options_id reads, for a VPC associated with no set at all.
const NoDHCPOptions = "default"

// AmazonProvidedDNS is the name server entry that stands for the VPC's own
// resolver.
const AmazonProvidedDNS = "AmazonProvidedDNS"

// DefaultDomainName is the domain name of a region's default set, the
// names Amazon's resolver gives instances there.
func DefaultDomainName(region string) string {
	if region == "us-east-1" {
		return "ec2.internal"
	}
	return region + ".compute.internal"
}

// AWS's limits on the options of a set.
const (
	maxServersPerFamily = 4
	minLeaseTime        = 140
	maxLeaseTime        = 2147483647
)

// NetbiosNodeTypes are the NetBIOS node types a set may name.
func NetbiosNodeTypes() []string { return []string{"1", "2", "4", "8"} }

// ValidateNetbiosNodeType checks a set's netbios_node_type; "" leaves it
// unset.
func ValidateNetbiosNodeType(s string) error {
	if s == "" || slices.Contains(NetbiosNodeTypes(), s) {
		return nil
	}
	return invalidValue(s, "netbios-node-type", "netbios_node_type", "Use 1, 2, 4 or 8; AWS recommends 2, as its networks carry no broadcast or multicast.")
}

// ValidateLeaseTime checks a set's ipv6_address_preferred_lease_time, in
// seconds; "" leaves it unset.
func ValidateLeaseTime(s string) error {
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < minLeaseTime || n > maxLeaseTime {
		return invalidValue(s, "ipv6-address-preferred-lease-time", "ipv6_address_preferred_lease_time",
			fmt.Sprintf("Give a whole number of seconds from %d to %d.", minLeaseTime, maxLeaseTime))
	}
	return nil
}

// ValidateDHCPServers checks a list of servers of a set: up to four
// addresses of each family that field allows, and for domain_name_servers
// AmazonProvidedDNS.
func ValidateDHCPServers(field string, servers []string) error {
	option := strings.ReplaceAll(field, "_", "-")
	what := "Give IP addresses."
	if field == "domain_name_servers" {
		what = "Give IP addresses or AmazonProvidedDNS."
	}
	perFamily := map[bool]int{}
	for _, s := range servers {
		if field == "domain_name_servers" && s == AmazonProvidedDNS {
			perFamily[true]++
			continue
		}
		addr, err := netip.ParseAddr(s)
		switch {
		case err != nil || addr.Zone() != "":
			return invalidValue(s, option, field, what)
		case addr.Is6() && field != "ntp_servers":
			return invalidValue(s, option, field, "Give IPv4 addresses; only ntp_servers takes IPv6 ones.")
		}
		perFamily[addr.Is4()]++
	}
	for _, n := range perFamily {
		if n > maxServersPerFamily {
			return invalidValue(strings.Join(servers, ","), option, field,
				fmt.Sprintf("Give at most %d servers of each address family.", maxServersPerFamily))
		}
	}
	return nil
}

// rule checks a set's options in the order of the AWS provider's
// arguments, then its tags.
func (in DHCPOptionsInput) rule() Rule {
	return func(v View) error {
		for _, check := range []func() error{
			func() error { return ValidateDHCPServers("domain_name_servers", knownOnly(in.DomainNameServers)) },
			func() error { return ValidateDHCPServers("ntp_servers", knownOnly(in.NTPServers)) },
			func() error { return ValidateDHCPServers("netbios_name_servers", knownOnly(in.NetbiosNameServers)) },
			func() error { return ValidateNetbiosNodeType(knownOr(in.NetbiosNodeType)) },
			func() error { return ValidateLeaseTime(knownOr(in.IPv6AddressPreferredLeaseTime)) },
		} {
			if err := check(); err != nil {
				return err
			}
		}
		return tagsRule(in.Tags)(v)
	}
}

// knownOnly drops the values known only after apply, which the apply
// checks.
func knownOnly(values []string) []string {
	var out []string
	for _, s := range values {
		if IsKnown(s) {
			out = append(out, s)
		}
	}
	return out
}

// knownOr is s, or "" (which no check refuses) when s is known only after
// apply.
func knownOr(s string) string {
	if IsKnown(s) {
		return s
	}
	return ""
}

// CheckDHCPOptions runs at plan time the rules that creating a set with
// this configuration will meet at apply.
func (c *Client) CheckDHCPOptions(ctx context.Context, p *Plan, holder Holder, in DHCPOptionsInput) error {
	return c.Check(ctx, p, holder, in.rule())
}

// CreateDHCPOptions creates a DHCP options set.
func (c *Client) CreateDHCPOptions(ctx context.Context, in DHCPOptionsInput) (DHCPOptions, error) {
	o := DHCPOptions{ID: newID(KindDHCPOptions), OwnerID: c.scope.AccountID, Region: c.scope.Region, DHCPOptionsInput: in}
	return createTagged(c, ctx, "CreateDhcpOptions", kindOf[DHCPOptions]().ids(o.ID), in.rule(), o, o.ID, o.Tags)
}

// DefaultDHCPOptions returns the region's default set, which AWS makes for
// every account in every region: the simulated cloud makes it the first
// time something needs it.
func (c *Client) DefaultDHCPOptions(ctx context.Context) (DHCPOptions, error) {
	var o DHCPOptions
	err := c.write(ctx, "DescribeDhcpOptions", nil, func(tx Tx) error {
		var err error
		o, err = defaultDHCPOptions(tx, c.scope)
		return err
	})
	return o, err
}

// defaultDHCPOptions finds the scope's default set, making it if there is
// none yet.
func defaultDHCPOptions(tx Tx, scope Scope) (DHCPOptions, error) {
	yes := true
	o, ok, err := first[DHCPOptions](tx, scope, DHCPOptionsFilter{Default: &yes})
	if err != nil || ok {
		return o, err
	}
	o = DHCPOptions{
		ID: newID(KindDHCPOptions), OwnerID: scope.AccountID, Region: scope.Region, Default: true,
		DHCPOptionsInput: DHCPOptionsInput{DomainName: DefaultDomainName(scope.Region), DomainNameServers: []string{AmazonProvidedDNS}},
	}
	return o, tx.Insert(o)
}

// refuseUsedDHCPOptions refuses to delete a set while VPCs use it, as AWS
// does.
func refuseUsedDHCPOptions(tx ReadTx, o DHCPOptions) error {
	vpcs, err := list[VPC](tx, Scope{AccountID: o.OwnerID, Region: o.Region}, VPCFilter{DHCPOptionsID: o.ID})
	if err != nil || len(vpcs) == 0 {
		return err
	}
	ids := make([]string, len(vpcs))
	for i, v := range vpcs {
		ids[i] = v.ID
	}
	e := dependencyViolation(KindDHCPOptions, o.ID, ids, nil)
	e.Fix = fmt.Sprintf("Associate %s with another set (or with default, for none) first.", joinIDs(ids))
	return e
}

// dhcpOptionsRule checks that the set a VPC is to be associated with
// exists; NoDHCPOptions, for none, always does.
func (c *Client) dhcpOptionsRule(dhcpOptionsID string) Rule {
	return func(v View) error {
		if !IsKnown(dhcpOptionsID) || dhcpOptionsID == NoDHCPOptions {
			return nil
		}
		_, err := findStored[DHCPOptions](v, c.scope, dhcpOptionsID, "dhcp_options_id")
		return err
	}
}

// CheckAssociateDHCPOptions runs at plan time the rules that associating a
// VPC with a set will meet at apply.
func (c *Client) CheckAssociateDHCPOptions(ctx context.Context, p *Plan, holder Holder, dhcpOptionsID, vpcID string) error {
	return c.Check(ctx, p, holder, allRules(c.vpcExistsRule(vpcID), c.dhcpOptionsRule(dhcpOptionsID)))
}

// AssociateDHCPOptions associates a VPC with a set, in place of the one it
// had; NoDHCPOptions associates it with none.
func (c *Client) AssociateDHCPOptions(ctx context.Context, dhcpOptionsID, vpcID string) error {
	ids := map[string]string{"dhcp_options_id": dhcpOptionsID, "vpc_id": vpcID}
	return c.apply(ctx, "AssociateDhcpOptions", ids, allRules(c.vpcExistsRule(vpcID), c.dhcpOptionsRule(dhcpOptionsID)), func(tx Tx) error {
		vpc, err := c.findVPC(tx, vpcID, "vpc_id")
		if err != nil {
			return err
		}
		vpc.DHCPOptionsID = dhcpOptionsID
		if dhcpOptionsID == NoDHCPOptions {
			vpc.DHCPOptionsID = ""
		}
		return tx.Update(vpc)
	})
}

// DHCPOptionsOf is the ID a VPC's dhcp_options_id reads.
func DHCPOptionsOf(vpc VPC) string {
	if vpc.DHCPOptionsID == "" {
		return NoDHCPOptions
	}
	return vpc.DHCPOptionsID
}

// DHCPOptionsAssociation is a VPC's association with a set, which AWS keeps
// as the VPC's dhcp_options_id.
type DHCPOptionsAssociation struct {
	DHCPOptionsID, VPCID string
}

// ID is the ID the AWS provider gives the association.
func (a DHCPOptionsAssociation) ID() string { return a.DHCPOptionsID + "-" + a.VPCID }

// ownerRule checks the account a default set is asked of: only the
// client's own has one the client can see.
func (c *Client) ownerRule(ownerID string) Rule {
	return func(View) error {
		if ownerID == "" || !IsKnown(ownerID) || ownerID == c.scope.AccountID {
			return nil
		}
		return &Error{
			Code:    "InvalidDhcpOptionID.NotFound",
			Message: fmt.Sprintf("No default DHCP options set of account %s exists in %s.", printable(ownerID), c.scope.Region),
			Fix:     fmt.Sprintf("Leave owner_id out, or give this provider's account, %s.", c.scope.AccountID),
			Field:   "owner_id",
			Objects: []string{printable(ownerID)},
		}
	}
}

// CheckAdoptDefaultDHCPOptions runs at plan time the rules that adopting
// the region's default set, of the account ownerID ("" for the client's),
// will meet at apply.
func (c *Client) CheckAdoptDefaultDHCPOptions(ctx context.Context, p *Plan, holder Holder, ownerID string, tags map[string]string) error {
	return c.Check(ctx, p, holder, allRules(c.ownerRule(ownerID), tagsRule(tags)))
}

// AdoptDefaultDHCPOptions gives the region's default set these tags and
// returns it.
func (c *Client) AdoptDefaultDHCPOptions(ctx context.Context, ownerID string, tags map[string]string) (DHCPOptions, error) {
	var o DHCPOptions
	err := c.apply(ctx, "CreateTags", nil, allRules(c.ownerRule(ownerID), tagsRule(tags)), func(tx Tx) error {
		var err error
		if o, err = defaultDHCPOptions(tx, c.scope); err != nil {
			return err
		}
		o.Tags = tags
		return tx.SetTags(o.ID, tags)
	})
	return o, err
}
