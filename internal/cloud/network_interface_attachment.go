package cloud

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// AttachmentStatusAttached is the status DescribeNetworkInterfaces reports
// of an attachment; the simulated cloud attaches and detaches at once.
const AttachmentStatusAttached = "attached"

// NetworkInterfaceAttachment is the attachment of an interface to an
// instance, as AttachNetworkInterface makes it. It is held by the
// interface: the interface's InstanceID, DeviceIndex and AttachmentID.
type NetworkInterfaceAttachment struct {
	ID                 string
	InstanceID         string
	NetworkInterfaceID string
	DeviceIndex        int64
	NetworkCardIndex   int64
	Status             string
}

// NetworkInterfaceAttachmentInput attaches an interface to an instance.
type NetworkInterfaceAttachmentInput struct {
	InstanceID         string
	NetworkInterfaceID string
	DeviceIndex        int64
	NetworkCardIndex   int64
}

// Claims of planned attachments: ClaimAttachedInterface takes an interface
// (the scope), ClaimDeviceIndex a device index (the value) of an instance
// (the scope).
const (
	ClaimAttachedInterface ClaimKind = "attached-interface"
	ClaimDeviceIndex       ClaimKind = "device-index"
)

// attachmentOf is the attachment an interface holds.
func attachmentOf(eni NetworkInterface) NetworkInterfaceAttachment {
	return NetworkInterfaceAttachment{ID: eni.AttachmentID, InstanceID: eni.InstanceID, NetworkInterfaceID: eni.ID,
		DeviceIndex: eni.DeviceIndex, Status: AttachmentStatusAttached}
}

// interfaceAttachmentRule checks an attachment: the interface is free, the device
// index is free on the instance and within what its type takes, and both
// are in one availability zone.
func (c *Client) interfaceAttachmentRule(in NetworkInterfaceAttachmentInput) Rule {
	return func(v View) error {
		if in.DeviceIndex < 0 {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Invalid value '%d' for deviceIndex.", in.DeviceIndex),
				Fix:     "Give a device index of 1 or more: 0 is the instance's primary interface.",
				Field:   "device_index",
				Objects: nonEmpty(in.NetworkInterfaceID),
			}
		}
		if in.NetworkCardIndex != 0 {
			// Every instance type the cloud knows has a single network card.
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Invalid value '%d' for networkCardIndex.", in.NetworkCardIndex),
				Fix:     "Leave network_card_index out (0): the instance types simcloud knows have one network card.",
				Field:   "network_card_index",
				Objects: nonEmpty(in.InstanceID),
			}
		}
		var eni NetworkInterface
		if IsKnown(in.NetworkInterfaceID) {
			var err error
			if eni, err = findStored[NetworkInterface](v, c.scope, in.NetworkInterfaceID, "network_interface_id"); err != nil {
				return err
			}
			if err := interfaceFree(v, eni); err != nil {
				return err
			}
		}
		if !IsKnown(in.InstanceID) {
			return nil
		}
		inst, err := findStored[Instance](v, c.scope, in.InstanceID, "instance_id")
		if err != nil {
			return err
		}
		if eni.ID != "" && eni.AvailabilityZone != inst.AvailabilityZone {
			return &Error{
				Code:    "InvalidParameterCombination",
				Message: "You may not attach a network interface to an instance if they are not in the same availability zone",
				Fix: fmt.Sprintf("Attach to %s an interface of a subnet in %s (%s is in %s), or launch the instance in %s.",
					inst.ID, inst.AvailabilityZone, eni.ID, eni.AvailabilityZone, eni.AvailabilityZone),
				Field:   "network_interface_id",
				Objects: []string{eni.ID, inst.ID},
			}
		}
		return c.deviceIndexRule(v, inst, in.DeviceIndex)
	}
}

// interfaceFree refuses an interface attached already, or taken by another
// attachment of the plan.
func interfaceFree(v View, eni NetworkInterface) error {
	holder := eni.InstanceID
	if holder == "" {
		if claims := v.Claimed(ClaimAttachedInterface, eni.ID); len(claims) > 0 {
			holder = claims[0].Who()
		}
	}
	if holder == "" {
		return nil
	}
	return &Error{
		Code:     "InvalidNetworkInterface.InUse",
		Message:  fmt.Sprintf("Interface: [%s] in use.", eni.ID),
		Fix:      fmt.Sprintf("Detach %s from %s first (an interface has one attachment at a time), or attach another interface.", eni.ID, holder),
		Field:    "network_interface_id",
		Objects:  []string{eni.ID, holder},
		Obstacle: eni.AttachmentID,
	}
}

// deviceIndexRule refuses a device index taken on the instance (by an
// interface or a planned attachment), and one more interface than its type
// takes.
func (c *Client) deviceIndexRule(v View, inst Instance, index int64) error {
	enis, err := list[NetworkInterface](v, c.scope, NetworkInterfaceFilter{InstanceID: inst.ID})
	if err != nil {
		return err
	}
	used := map[int64]string{}
	for _, n := range enis {
		used[n.DeviceIndex] = n.ID
	}
	for _, cl := range v.Claimed(ClaimDeviceIndex, inst.ID) {
		if i, err := strconv.ParseInt(cl.Value, 10, 64); err == nil {
			used[i] = cl.Who()
		}
	}
	if holder, taken := used[index]; taken {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("Instance '%s' already has an interface attached at device index '%d'.", inst.ID, index),
			Fix:     fmt.Sprintf("Choose a free device_index: %s holds %d on %s.", holder, index, inst.ID),
			Field:   "device_index",
			Objects: []string{inst.ID, holder},
		}
	}
	limit := MaxNetworkInterfaces(inst.InstanceType)
	if limit > 0 && int64(len(used)+1) > limit {
		return &Error{
			Code:    "AttachmentLimitExceeded",
			Message: fmt.Sprintf("Interface count %d exceeds the limit for %s", len(used)+1, inst.InstanceType),
			Fix:     fmt.Sprintf("An %s takes at most %d network interfaces: choose a larger instance_type for %s, or attach fewer interfaces.", inst.InstanceType, limit, inst.ID),
			Field:   "instance_id",
			Objects: []string{inst.ID},
		}
	}
	return nil
}

func (in NetworkInterfaceAttachmentInput) claims() []Claim {
	return []Claim{{Kind: ClaimAttachedInterface, Scope: in.NetworkInterfaceID},
		{Kind: ClaimDeviceIndex, Scope: in.InstanceID, Value: strconv.FormatInt(in.DeviceIndex, 10)}}
}

// CheckNetworkInterfaceAttachment runs at plan time the rules attaching an
// interface will meet at apply, and claims the interface and the device
// index.
func (c *Client) CheckNetworkInterfaceAttachment(ctx context.Context, p *Plan, holder Holder, in NetworkInterfaceAttachmentInput) error {
	return c.Check(ctx, p, holder, c.interfaceAttachmentRule(in), in.claims()...)
}

// AttachNetworkInterface attaches an interface to an instance at a device
// index.
func (c *Client) AttachNetworkInterface(ctx context.Context, in NetworkInterfaceAttachmentInput) (NetworkInterfaceAttachment, error) {
	var a NetworkInterfaceAttachment
	ids := map[string]string{"instance_id": in.InstanceID, "network_interface_id": in.NetworkInterfaceID}
	err := c.apply(ctx, "AttachNetworkInterface", ids, c.interfaceAttachmentRule(in), func(tx Tx) error {
		eni, err := findStored[NetworkInterface](tx, c.scope, in.NetworkInterfaceID, "network_interface_id")
		if err != nil {
			return err
		}
		eni.InstanceID, eni.DeviceIndex, eni.AttachmentID = in.InstanceID, in.DeviceIndex, newID(KindNetworkInterfaceAttachment)
		if err := tx.Update(eni); err != nil {
			return err
		}
		a = attachmentOf(eni)
		return nil
	})
	return made(a, err)
}

// interfaceOfAttachment finds the interface that holds an attachment.
func (c *Client) interfaceOfAttachment(tx ReadTx, id string) (NetworkInterface, error) {
	if err := ValidateID(KindNetworkInterfaceAttachment, id, "id"); err != nil {
		return NetworkInterface{}, err
	}
	enis, err := list[NetworkInterface](tx, c.scope, NetworkInterfaceFilter{})
	if err != nil {
		return NetworkInterface{}, err
	}
	for _, n := range enis {
		if n.AttachmentID == id {
			return n, nil
		}
	}
	return NetworkInterface{}, notFound(KindNetworkInterfaceAttachment, id, "id")
}

// NetworkInterfaceAttachment returns the attachment with the given ID
// (eni-attach-...).
func (c *Client) NetworkInterfaceAttachment(ctx context.Context, id string) (NetworkInterfaceAttachment, error) {
	return readResult(ctx, c, "DescribeNetworkInterfaces", map[string]string{"attachment_id": id}, func(tx ReadTx) (NetworkInterfaceAttachment, error) {
		eni, err := c.interfaceOfAttachment(tx, id)
		return attachmentOf(eni), err
	})
}

// DetachNetworkInterface detaches an interface; an instance's primary
// interface stays.
func (c *Client) DetachNetworkInterface(ctx context.Context, attachmentID string) error {
	return c.write(ctx, "DetachNetworkInterface", map[string]string{"attachment_id": attachmentID}, func(tx Tx) error {
		eni, err := c.interfaceOfAttachment(tx, attachmentID)
		if err != nil {
			return err
		}
		if eni.DeviceIndex == 0 {
			return &Error{
				Code:    "OperationNotPermitted",
				Message: fmt.Sprintf("The network interface at device index 0 cannot be detached: %s is the primary interface of %s.", eni.ID, eni.InstanceID),
				Fix:     fmt.Sprintf("Terminate instance %s to free its primary interface %s; only interfaces at device index 1 or more can be detached.", eni.InstanceID, eni.ID),
				Objects: []string{eni.ID, eni.InstanceID},
			}
		}
		eni.InstanceID, eni.DeviceIndex, eni.AttachmentID = "", 0, ""
		return tx.Update(eni)
	})
}

// maxInterfacesBySize is the "Maximum network interfaces" of AWS's
// instance type specifications by size, for the families whose sizes
// agree (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html);
// maxInterfacesByType holds the types that differ.
var (
	maxInterfacesBySize = map[string]int64{
		"nano": 2, "micro": 2, "small": 3, "medium": 2, "large": 3, "xlarge": 4, "2xlarge": 4,
		"4xlarge": 8, "8xlarge": 8, "9xlarge": 8, "12xlarge": 8,
		"16xlarge": 15, "18xlarge": 15, "24xlarge": 15, "32xlarge": 15, "metal": 15, "metal-24xl": 15,
		"48xlarge": 50, "metal-48xl": 50,
	}
	maxInterfacesByType = map[string]int64{
		"t2.small": 2, "t2.medium": 3, "t2.xlarge": 3, "t2.2xlarge": 3,
		"t3.medium": 3, "t3a.medium": 3, "t4g.medium": 3,
	}
)

// MaxNetworkInterfaces is how many network interfaces an instance of the
// type takes, its primary one included; 0 for a type the cloud does not
// know.
func MaxNetworkInterfaces(instanceType string) int64 {
	if n, ok := maxInterfacesByType[instanceType]; ok {
		return n
	}
	_, size, _ := strings.Cut(instanceType, ".")
	return maxInterfacesBySize[size]
}
