package cloud

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// InterfaceGroupAttachment is one security group of a network interface,
// as aws_network_interface_sg_attachment manages it: added with
// ModifyNetworkInterfaceAttribute and removed the same way.
type InterfaceGroupAttachment struct {
	SecurityGroupID    string
	NetworkInterfaceID string
}

// ID is the AWS provider's ID of the attachment, the group's ID and the
// interface's joined by an underscore.
func (a InterfaceGroupAttachment) ID() string { return a.SecurityGroupID + "_" + a.NetworkInterfaceID }

// ParseInterfaceGroupAttachmentID splits an import ID. The AWS provider
// imports the interface's ID, an underscore and the group's
// (eni-..._sg-...), though the resource's ID is the other way round
// (vpc_network_interface_sg_attachment.go); both are taken.
func ParseInterfaceGroupAttachmentID(id string) (groupID, eniID string, err error) {
	if strings.HasPrefix(id, KindSecurityGroup.Prefix+"-") {
		return parseIDPair(id, "_", KindSecurityGroup, KindNetworkInterface, "security group attachment ID", "NETWORK-INTERFACE-ID_SECURITY-GROUP-ID",
			"Write the interface's ID, an underscore, and the group's ID")
	}
	eniID, groupID, err = parseIDPair(id, "_", KindNetworkInterface, KindSecurityGroup, "security group attachment ID", "NETWORK-INTERFACE-ID_SECURITY-GROUP-ID",
		"Write the interface's ID, an underscore, and the group's ID")
	return groupID, eniID, err
}

// ClaimInterfaceGroup is the claim a planned group attachment makes on an
// interface (the scope) for a group (the value).
const ClaimInterfaceGroup ClaimKind = "interface-group"

// groupAttachmentRule checks that the group and the interface exist and are
// of one VPC, and that the interface has room for one more group.
func (c *Client) groupAttachmentRule(a InterfaceGroupAttachment) Rule {
	return func(v View) error {
		var g SecurityGroup
		if IsKnown(a.SecurityGroupID) {
			var err error
			if g, err = findStored[SecurityGroup](v, c.scope, a.SecurityGroupID, "security_group_id"); err != nil {
				return err
			}
		}
		if !IsKnown(a.NetworkInterfaceID) {
			return nil
		}
		eni, err := findStored[NetworkInterface](v, c.scope, a.NetworkInterfaceID, "network_interface_id")
		if err != nil {
			return err
		}
		if g.ID != "" && g.VPCID != eni.VPCID {
			return &Error{
				Code:    "InvalidParameter",
				Message: fmt.Sprintf("Security group %s and interface %s belong to different networks.", g.ID, eni.ID),
				Fix:     fmt.Sprintf("Attach a security group of %s, the interface's VPC (%s is in %s).", eni.VPCID, g.ID, g.VPCID),
				Field:   "security_group_id",
				Objects: []string{g.ID, eni.ID},
			}
		}
		// A group known only after apply is another group.
		groups := slices.Clone(eni.SecurityGroupIDs)
		for _, id := range append(claimedGroups(v, eni.ID), a.SecurityGroupID) {
			if !IsKnown(id) || !slices.Contains(groups, id) {
				groups = append(groups, id)
			}
		}
		return securityGroupCount(groups, "security_group_id", eni.ID, "")
	}
}

func claimedGroups(v View, eniID string) []string {
	var ids []string
	for _, cl := range v.Claimed(ClaimInterfaceGroup, eniID) {
		ids = append(ids, cl.Value)
	}
	return ids
}

// CheckInterfaceGroupAttachment runs at plan time the rules adding a group
// to an interface will meet at apply, and claims the group's place.
func (c *Client) CheckInterfaceGroupAttachment(ctx context.Context, p *Plan, holder Holder, a InterfaceGroupAttachment) error {
	return c.Check(ctx, p, holder, c.groupAttachmentRule(a), Claim{Kind: ClaimInterfaceGroup, Scope: a.NetworkInterfaceID, Value: a.SecurityGroupID})
}

// AttachInterfaceGroup adds a security group to an interface's groups; a
// group already there stays, as AWS takes it.
func (c *Client) AttachInterfaceGroup(ctx context.Context, a InterfaceGroupAttachment) (InterfaceGroupAttachment, error) {
	ids := map[string]string{"security_group_id": a.SecurityGroupID, "network_interface_id": a.NetworkInterfaceID}
	err := c.apply(ctx, "ModifyNetworkInterfaceAttribute", ids, c.groupAttachmentRule(a), func(tx Tx) error {
		eni, err := findStored[NetworkInterface](tx, c.scope, a.NetworkInterfaceID, "network_interface_id")
		if err != nil || slices.Contains(eni.SecurityGroupIDs, a.SecurityGroupID) {
			return err
		}
		eni.SecurityGroupIDs = append(eni.SecurityGroupIDs, a.SecurityGroupID)
		slices.Sort(eni.SecurityGroupIDs)
		return tx.Update(eni)
	})
	return made(a, err)
}

// InterfaceGroupAttachment reads the attachment back; present is false
// when the group is no longer among the interface's.
func (c *Client) InterfaceGroupAttachment(ctx context.Context, a InterfaceGroupAttachment) (present bool, err error) {
	return readResult(ctx, c, "DescribeNetworkInterfaces", map[string]string{"network_interface_id": a.NetworkInterfaceID}, func(tx ReadTx) (bool, error) {
		eni, err := findStored[NetworkInterface](tx, c.scope, a.NetworkInterfaceID, "network_interface_id")
		return err == nil && slices.Contains(eni.SecurityGroupIDs, a.SecurityGroupID), err
	})
}

// DetachInterfaceGroup removes a security group from an interface's groups.
// An interface has at least one group: as the AWS provider does, its VPC's
// default group takes the place of the last one.
func (c *Client) DetachInterfaceGroup(ctx context.Context, a InterfaceGroupAttachment) error {
	ids := map[string]string{"security_group_id": a.SecurityGroupID, "network_interface_id": a.NetworkInterfaceID}
	return c.write(ctx, "ModifyNetworkInterfaceAttribute", ids, func(tx Tx) error {
		eni, err := findStored[NetworkInterface](tx, c.scope, a.NetworkInterfaceID, "network_interface_id")
		if err != nil || !slices.Contains(eni.SecurityGroupIDs, a.SecurityGroupID) {
			return err
		}
		eni.SecurityGroupIDs = slices.DeleteFunc(eni.SecurityGroupIDs, func(id string) bool { return id == a.SecurityGroupID })
		if len(eni.SecurityGroupIDs) == 0 {
			vpc, err := c.findVPC(tx, eni.VPCID, "vpc_id")
			if err != nil {
				return err
			}
			eni.SecurityGroupIDs = []string{vpc.DefaultSecurityGroupID}
		}
		return tx.Update(eni)
	})
}
