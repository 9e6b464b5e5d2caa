package cloud

import (
	"context"
	"fmt"
	"slices"
)

// VPC Block Public Access (BPA) turns off, for a whole account and region,
// the paths between VPCs and the internet through internet gateways and
// egress-only internet gateways; exclusions turn them back on for one VPC or
// subnet. The semantics here are those of the Amazon VPC User Guide, "Block
// public access to VPCs and subnets", and of the EC2 API reference
// (BlockPublicAccessStates, VpcBlockPublicAccessExclusion):
//
//   - off: nothing is blocked.
//   - block-bidirectional: all traffic to and from internet gateways and
//     egress-only internet gateways is blocked, a NAT gateway's included.
//   - block-ingress: all internet traffic into the VPCs is blocked; only
//     traffic to and from NAT gateways and egress-only internet gateways,
//     which let connections be opened outbound only, still flows.
//   - an exclusion allow-bidirectional lets everything through for its VPC
//     or subnet; allow-egress lets outbound traffic through and applies
//     only in block-bidirectional mode.

// The modes of BPA and of its exclusions.
const (
	BlockPublicAccessOff           = "off"
	BlockPublicAccessBidirectional = "block-bidirectional"
	BlockPublicAccessIngress       = "block-ingress"

	ExclusionAllowBidirectional = "allow-bidirectional"
	ExclusionAllowEgress        = "allow-egress"
)

// BlockPublicAccessOptions is the BPA mode of one account and region.
type BlockPublicAccessOptions struct {
	AccountID, Region string
	// InternetGatewayBlockMode is off until set.
	InternetGatewayBlockMode string
}

// BlockPublicAccessExclusion exempts one VPC or one subnet from the BPA
// mode of its account and region.
type BlockPublicAccessExclusion struct {
	ID      string
	OwnerID string
	Region  string
	// Exactly one of VPCID and SubnetID is set.
	VPCID, SubnetID              string
	InternetGatewayExclusionMode string
	Tags                         map[string]string
}

// ResourceARN is the ARN of the VPC or subnet that the exclusion exempts.
func (e BlockPublicAccessExclusion) ResourceARN() string {
	scope := Scope{AccountID: e.OwnerID, Region: e.Region}
	if e.SubnetID != "" {
		return scope.ARN(KindSubnet, e.SubnetID)
	}
	return scope.ARN(KindVPC, e.VPCID)
}

// BlockPublicAccessExclusionFilter selects exclusions; empty fields match
// all.
type BlockPublicAccessExclusionFilter struct {
	ID, VPCID, SubnetID string
	Tags                map[string]string
}

func (BlockPublicAccessExclusion) StoredKind() Kind         { return KindBlockPublicAccessExclusion }
func (BlockPublicAccessExclusionFilter) FilteredKind() Kind { return KindBlockPublicAccessExclusion }

// ValidateBlockPublicAccessMode checks an account's BPA mode.
func ValidateBlockPublicAccessMode(mode string) error {
	return oneOf(mode, "InternetGatewayBlockMode", "internet_gateway_block_mode",
		BlockPublicAccessOff, BlockPublicAccessBidirectional, BlockPublicAccessIngress)
}

// ValidateExclusionMode checks an exclusion's mode.
func ValidateExclusionMode(mode string) error {
	return oneOf(mode, "InternetGatewayExclusionMode", "internet_gateway_exclusion_mode", ExclusionAllowBidirectional, ExclusionAllowEgress)
}

// oneOf refuses a value of an AWS parameter (field in the provider) that
// is none of allowed.
func oneOf(value, parameter, field string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return invalidValue(value, parameter, field, "Use "+joinOr(allowed)+".")
}

// CheckExclusionArguments refuses an exclusion that names neither or both
// of a VPC and a subnet, from its configuration alone: set holds the
// arguments given a value.
func CheckExclusionArguments(set map[string]string) error {
	_, vpc := set["vpc_id"]
	_, subnet := set["subnet_id"]
	if vpc != subnet {
		return nil
	}
	return &Error{
		Code:    "InvalidParameterCombination",
		Message: "Exactly one of VpcId or SubnetId must be specified.",
		Fix:     "An exclusion exempts one VPC (vpc_id) or one subnet (subnet_id): give exactly one of them.",
		Field:   "subnet_id",
	}
}

// BlockPublicAccessOptions returns the BPA mode of the client's account
// and region.
func (c *Client) BlockPublicAccessOptions(ctx context.Context) (BlockPublicAccessOptions, error) {
	return readResult(ctx, c, "DescribeVpcBlockPublicAccessOptions", nil, func(tx ReadTx) (BlockPublicAccessOptions, error) {
		mode, err := tx.BlockPublicAccessMode(c.scope)
		return BlockPublicAccessOptions{AccountID: c.scope.AccountID, Region: c.scope.Region, InternetGatewayBlockMode: mode}, err
	})
}

// SetBlockPublicAccessOptions sets the BPA mode of the client's account and
// region.
func (c *Client) SetBlockPublicAccessOptions(ctx context.Context, mode string) (BlockPublicAccessOptions, error) {
	rule := func(View) error { return ValidateBlockPublicAccessMode(mode) }
	err := c.apply(ctx, "ModifyVpcBlockPublicAccessOptions", nil, rule, func(tx Tx) error {
		return tx.SetBlockPublicAccessMode(c.scope, mode)
	})
	return BlockPublicAccessOptions{AccountID: c.scope.AccountID, Region: c.scope.Region, InternetGatewayBlockMode: mode}, err
}

// ExclusionInput is the desired configuration of an exclusion; at plan the
// VPC or subnet may be Unknown.
type ExclusionInput struct {
	VPCID, SubnetID string
	Mode            string
	Tags            map[string]string
}

func (c *Client) exclusionRule(in ExclusionInput) Rule {
	return func(v View) error {
		if err := ValidateExclusionMode(in.Mode); err != nil {
			return err
		}
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		if in.SubnetID != "" && IsKnown(in.SubnetID) {
			_, err := findStored[Subnet](v, c.scope, in.SubnetID, "subnet_id")
			return err
		}
		return c.vpcExistsRule(in.VPCID)(v)
	}
}

// CheckBlockPublicAccessExclusion runs at plan time the rules that creating
// or changing an exclusion will meet at apply.
func (c *Client) CheckBlockPublicAccessExclusion(ctx context.Context, p *Plan, holder Holder, in ExclusionInput) error {
	if in.VPCID == "" {
		in.VPCID = Unknown
	}
	return c.Check(ctx, p, holder, c.exclusionRule(in))
}

// CreateBlockPublicAccessExclusion exempts a VPC or a subnet from BPA.
func (c *Client) CreateBlockPublicAccessExclusion(ctx context.Context, in ExclusionInput) (BlockPublicAccessExclusion, error) {
	e := BlockPublicAccessExclusion{ID: newID(KindBlockPublicAccessExclusion), OwnerID: c.scope.AccountID, Region: c.scope.Region,
		VPCID: in.VPCID, SubnetID: in.SubnetID, InternetGatewayExclusionMode: in.Mode, Tags: in.Tags}
	rule := c.exclusionRule(in)
	if in.SubnetID == "" && in.VPCID == "" {
		rule = func(View) error { return CheckExclusionArguments(nil) }
	}
	return createTagged(c, ctx, "CreateVpcBlockPublicAccessExclusion", map[string]string{"exclusion_id": e.ID}, rule, e, e.ID, e.Tags)
}

// UpdateBlockPublicAccessExclusion changes an exclusion's mode and tags.
func (c *Client) UpdateBlockPublicAccessExclusion(ctx context.Context, id, mode string, tags map[string]string) (BlockPublicAccessExclusion, error) {
	var e BlockPublicAccessExclusion
	rule := allRules(tagsRule(tags), func(View) error { return ValidateExclusionMode(mode) })
	err := c.apply(ctx, "ModifyVpcBlockPublicAccessExclusion", map[string]string{"exclusion_id": id}, rule, func(tx Tx) error {
		var err error
		if e, err = findStored[BlockPublicAccessExclusion](tx, c.scope, id, "id"); err != nil {
			return err
		}
		e.InternetGatewayExclusionMode, e.Tags = mode, tags
		return updateTagged(tx, e, id, tags)
	})
	return e, err
}

// bpaExposure is what BPA makes of a route target's kind: whether BPA
// blocks traffic through it at all, and whether it lets connections be
// opened outbound only (and so still works in block-ingress mode).
type bpaExposure struct {
	blocked, outboundOnly bool
}

// blockedByBPA says, for traffic of subnet s in direction through a
// target that BPA treats as exposure says, why BPA stops it ("" when it
// does not) and the fix: an exclusion.
func (c *Client) blockedByBPA(tx ReadTx, s Subnet, exposure bpaExposure, direction string) (broken, fix string, err error) {
	if !exposure.blocked {
		return "", "", nil
	}
	scope := Scope{AccountID: s.OwnerID, Region: s.Region}
	mode, err := tx.BlockPublicAccessMode(scope)
	if err != nil || mode == BlockPublicAccessOff || mode == "" {
		return "", "", err
	}
	exclusion, err := subnetExclusion(tx, scope, s)
	if err != nil {
		return "", "", err
	}
	switch {
	case exclusion == ExclusionAllowBidirectional:
		return "", "", nil
	case mode == BlockPublicAccessBidirectional && exclusion == ExclusionAllowEgress && direction == Outbound:
		return "", "", nil
	case mode == BlockPublicAccessIngress && direction == Outbound && exposure.outboundOnly:
		return "", "", nil
	}
	allow := ExclusionAllowBidirectional
	if direction == Outbound && mode == BlockPublicAccessBidirectional {
		allow = ExclusionAllowEgress + " (or " + ExclusionAllowBidirectional + ")"
	}
	return fmt.Sprintf("VPC Block Public Access (%s) in %s blocks %s internet traffic of %s", mode, s.Region, direction, s.ID),
		fmt.Sprintf("Exempt the subnet or its VPC with a simcloud_vpc_block_public_access_exclusion whose internet_gateway_exclusion_mode is %s, "+
			"or turn block public access off (simcloud_vpc_block_public_access_options).", allow), nil
}

// subnetExclusion is the mode of the exclusion that applies to a subnet:
// its own, else its VPC's; "" for none.
func subnetExclusion(tx ReadTx, scope Scope, s Subnet) (string, error) {
	for _, f := range []BlockPublicAccessExclusionFilter{{SubnetID: s.ID}, {VPCID: s.VPCID}} {
		e, ok, err := first[BlockPublicAccessExclusion](tx, scope, f)
		if err != nil || ok {
			return e.InternetGatewayExclusionMode, err
		}
	}
	return "", nil
}
