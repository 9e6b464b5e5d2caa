package cloud

import (
	"fmt"
	"net/netip"
	"strings"
)

// The sizes AWS allows for a VPC's IPv4 block.
const (
	vpcMinPrefixBits = 16
	vpcMaxPrefixBits = 28
)

// ParseIPv4Network parses a CIDR block that must be an IPv4 network address
// (no host bits set). param is the EC2 API parameter name used in AWS's
// message, field the argument named in the error.
func ParseIPv4Network(s, param, field string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is4() {
		return netip.Prefix{}, invalidCIDRValue(s, param, field, "Write an IPv4 network in CIDR notation, such as 10.0.0.0/16.")
	}
	if p.Masked() != p {
		return netip.Prefix{}, invalidCIDRValue(s, param, field,
			fmt.Sprintf("Clear the host bits: the network address of this block is %s.", p.Masked()))
	}
	return p, nil
}

// ParseIPv6Network parses a CIDR block that must be an IPv6 network address.
func ParseIPv6Network(s, param, field string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is6() || p.Addr().Is4In6() || p.Addr().Zone() != "" {
		return netip.Prefix{}, invalidCIDRValue(s, param, field, "Write an IPv6 network in CIDR notation, such as 2001:db8:1234:1a00::/64.")
	}
	if p.Masked() != p {
		return netip.Prefix{}, invalidCIDRValue(s, param, field,
			fmt.Sprintf("Clear the host bits: the network address of this block is %s.", p.Masked()))
	}
	return p, nil
}

func invalidCIDRValue(s, param, field, fix string) *Error {
	return invalidParameter(field, fmt.Sprintf("Value (%s) for parameter %s is invalid. This is not a valid CIDR block.", printable(s), param), fix)
}

// ParseVPCCIDR parses and checks the primary IPv4 block of a VPC: an IPv4
// network between /16 and /28.
func ParseVPCCIDR(s string) (netip.Prefix, error) {
	const field = "cidr_block"
	p, err := ParseIPv4Network(s, "cidrBlock", field)
	if err != nil {
		return netip.Prefix{}, err
	}
	if bits := p.Bits(); bits < vpcMinPrefixBits || bits > vpcMaxPrefixBits {
		return netip.Prefix{}, &Error{
			Code:    "InvalidVpc.Range",
			Message: fmt.Sprintf("The CIDR '%s' is invalid.", s),
			Fix: fmt.Sprintf("A VPC's block must be between /%d and /%d; for example %s.",
				vpcMinPrefixBits, vpcMaxPrefixBits, resized(p, clampBits(bits))),
			Field: field,
		}
	}
	return p, nil
}

func clampBits(bits int) int {
	return min(max(bits, vpcMinPrefixBits), vpcMaxPrefixBits)
}

func resized(p netip.Prefix, bits int) netip.Prefix {
	return netip.PrefixFrom(p.Addr(), bits).Masked()
}

// printable keeps hostile input (control characters, megabytes of text) out
// of messages that are shown to people and written to logs.
func printable(s string) string {
	const limit = 64
	var b strings.Builder
	for i, r := range s {
		if i >= limit {
			b.WriteString("...")
			break
		}
		if r < 0x20 || r == 0x7f {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CanonicalCIDR is a network block as the cloud keeps and compares it: the
// form AWS reports (lower case, IPv6 zeros compressed, so "::0/0" is
// "::/0" and "2001:DB8::/32" is "2001:db8::/32"). Anything that is not a
// network block (host bits set, not a block at all, a value unknown at
// plan) is returned as written, for the rules to refuse in the user's
// words. Go's parser takes one spelling of an IPv4 block only (it refuses
// leading zeros), so in practice only IPv6 blocks change.
func CanonicalCIDR(s string) string {
	if p, err := netip.ParsePrefix(s); err == nil && p.Masked() == p && p.Addr().Zone() == "" && !p.Addr().Is4In6() {
		return p.String()
	}
	return s
}

// SameCIDR reports whether a and b are the same network block, however
// each is written.
func SameCIDR(a, b string) bool {
	return CanonicalCIDR(a) == CanonicalCIDR(b)
}
