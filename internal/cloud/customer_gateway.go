package cloud

import (
	"context"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// CustomerGateway is AWS's record of the device at the customer's end of a
// site-to-site VPN connection. It lives in no VPC.
type CustomerGateway struct {
	ID      string
	OwnerID string
	Region  string
	// BGPASN and BGPASNExtended are the device's ASN in decimal, one of
	// them set: the extended one for ASNs beyond 2147483647.
	BGPASN         string
	BGPASNExtended string
	IPAddress      string
	Type           string
	CertificateARN string
	DeviceName     string
	Tags           map[string]string
}

// CustomerGatewayFilter selects customer gateways; empty fields match all.
type CustomerGatewayFilter struct {
	ID   string
	Tags map[string]string
}

// CustomerGatewayInput is a desired customer gateway: every field but the
// tags is fixed when it is made.
type CustomerGatewayInput struct {
	BGPASN, BGPASNExtended, IPAddress, Type, CertificateARN, DeviceName string
	Tags                                                                map[string]string
}

// CustomerGatewayType is the one type of customer gateway AWS has.
const CustomerGatewayType = "ipsec.1"

// The ranges of the two ASN arguments: AWS takes a 2-byte or 4-byte ASN up
// to the largest signed 32-bit number as BgpAsn, and larger ones only as
// BgpAsnExtended.
const (
	maxBGPASN         = 2147483647
	maxBGPASNExtended = 4294967295
)

// ValidateCustomerGateway checks a customer gateway's own values, as
// CreateCustomerGateway does. Values that are Unknown at plan are checked
// at apply.
func ValidateCustomerGateway(in CustomerGatewayInput) error {
	invalid := func(field, message, fix string) error {
		return &Error{Code: "InvalidParameterValue", Message: message, Fix: fix, Field: field}
	}
	if IsKnown(in.Type) && in.Type != CustomerGatewayType {
		return invalid("type", fmt.Sprintf("Invalid value '%s' for type. Supported values: %s", printable(in.Type), CustomerGatewayType),
			"Set type = \"ipsec.1\", the one type of customer gateway AWS has.")
	}
	switch {
	case in.BGPASN == "" && in.BGPASNExtended == "":
		return &Error{Code: "MissingParameter", Message: "The request must contain either BgpAsn or BgpAsnExtended.",
			Fix: "Give the device's ASN: bgp_asn up to 2147483647, or bgp_asn_extended above it (65000 if the device runs no BGP).", Field: "bgp_asn"}
	case in.BGPASN != "" && in.BGPASNExtended != "":
		return &Error{Code: "InvalidParameterCombination", Message: "BgpAsn and BgpAsnExtended cannot both be given.",
			Fix: "Keep bgp_asn for an ASN up to 2147483647, or bgp_asn_extended for a larger one, not both.", Field: "bgp_asn_extended"}
	}
	if err := validateASN(in.BGPASN, "bgp_asn", 1, maxBGPASN,
		"Give an ASN from 1 to 2147483647 as bgp_asn; a larger one goes in bgp_asn_extended instead."); err != nil {
		return err
	}
	if err := validateASN(in.BGPASNExtended, "bgp_asn_extended", maxBGPASN+1, maxBGPASNExtended,
		"Give an ASN from 2147483648 to 4294967295 as bgp_asn_extended; a smaller one goes in bgp_asn instead."); err != nil {
		return err
	}
	if IsKnown(in.IPAddress) && in.IPAddress != "" {
		if a, err := netip.ParseAddr(in.IPAddress); err != nil || !a.Is4() {
			return invalid("ip_address", fmt.Sprintf("Invalid value '%s' for IpAddress: not an IPv4 address.", printable(in.IPAddress)),
				"Give the IPv4 address of the device's outside interface, such as 203.0.113.12.")
		}
	}
	if IsKnown(in.CertificateARN) && in.CertificateARN != "" && !isCertificateARN(in.CertificateARN) {
		return invalid("certificate_arn", fmt.Sprintf("Invalid value '%s' for CertificateArn.", printable(in.CertificateARN)),
			"Give the ARN of a private certificate in AWS Certificate Manager, such as arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-...")
	}
	if IsKnown(in.DeviceName) && in.DeviceName != "" && len(in.DeviceName) > 255 {
		return invalid("device_name", "The device name is longer than 255 characters.", "Shorten device_name to at most 255 characters.")
	}
	return nil
}

// validateASN checks an ASN given in decimal, unless it is absent or
// Unknown.
func validateASN(asn, field string, low, high uint64, fix string) error {
	if asn == "" || !IsKnown(asn) {
		return nil
	}
	if n, err := strconv.ParseUint(asn, 10, 64); err == nil && n >= low && n <= high {
		return nil
	}
	return &Error{Code: "InvalidParameterValue", Message: fmt.Sprintf("Invalid value '%s' for %s.", printable(asn), field), Fix: fix, Field: field}
}

// isCertificateARN reports whether s has the shape of an ACM certificate's
// ARN: arn:<partition>:acm:<region>:<account>:certificate/<id>.
func isCertificateARN(s string) bool {
	parts := strings.SplitN(s, ":", 6)
	return len(parts) == 6 && parts[0] == "arn" && strings.HasPrefix(parts[1], "aws") && parts[2] == "acm" &&
		parts[3] != "" && len(parts[4]) == 12 && strings.HasPrefix(parts[5], "certificate/") && len(parts[5]) > len("certificate/")
}

func (c *Client) customerGatewayRule(in CustomerGatewayInput) Rule {
	return func(View) error {
		if err := ValidateCustomerGateway(in); err != nil {
			return err
		}
		return ValidateTags(in.Tags, "tags_all")
	}
}

// CheckCustomerGateway runs at plan time the rules that creating the
// gateway will meet at apply.
func (c *Client) CheckCustomerGateway(ctx context.Context, p *Plan, holder Holder, in CustomerGatewayInput) error {
	return c.Check(ctx, p, holder, c.customerGatewayRule(in))
}

// CreateCustomerGateway records a customer gateway.
func (c *Client) CreateCustomerGateway(ctx context.Context, in CustomerGatewayInput) (CustomerGateway, error) {
	g := CustomerGateway{ID: newID(KindCustomerGateway), OwnerID: c.scope.AccountID, Region: c.scope.Region,
		BGPASN: in.BGPASN, BGPASNExtended: in.BGPASNExtended, IPAddress: in.IPAddress, Type: in.Type,
		CertificateARN: in.CertificateARN, DeviceName: in.DeviceName, Tags: in.Tags}
	return createTagged(c, ctx, "CreateCustomerGateway", map[string]string{"customer_gateway_id": g.ID}, c.customerGatewayRule(in), g, g.ID, in.Tags)
}
