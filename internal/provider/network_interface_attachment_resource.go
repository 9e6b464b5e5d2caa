package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkInterfaceAttachmentModel struct {
	objectID
	InstanceID         types.String `tfsdk:"instance_id"`
	NetworkInterfaceID types.String `tfsdk:"network_interface_id"`
	DeviceIndex        types.Int64  `tfsdk:"device_index"`
	NetworkCardIndex   types.Int64  `tfsdk:"network_card_index"`
	AttachmentID       types.String `tfsdk:"attachment_id"`
	Status             types.String `tfsdk:"status"`
}

// The attachment is held by the interface, so it has no kind of its own in
// the registry: its operations are named here.
var networkInterfaceAttachmentKind = resourceKind[networkInterfaceAttachmentModel, cloud.NetworkInterfaceAttachment]{
	kind:       cloud.KindNetworkInterfaceAttachment,
	typeName:   "_network_interface_attachment",
	createOp:   "AttachNetworkInterface",
	describeOp: "DescribeNetworkInterfaces",
	deleteOp:   "DetachNetworkInterface",
	errorFields: map[string]string{"instance_id": "instance_id", "network_interface_id": "network_interface_id", "device_index": "device_index",
		"network_card_index": "network_card_index"},
	schema: schema.Schema{
		MarkdownDescription: "Attaches a network interface to an instance at a device index, with the arguments and attributes of " +
			"`aws_network_interface_attachment`. Every argument replaces the attachment; destroying it detaches the interface.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The attachment's ID, `eni-attach-` followed by 17 hexadecimal digits (the same as `attachment_id`)."),
			"instance_id": replacingReference(cloud.KindInstance, "The instance to attach the interface to; it must be in the interface's "+
				"availability zone."),
			"network_interface_id": replacingReference(cloud.KindNetworkInterface, "The interface to attach; it must not be attached already."),
			"device_index": replacingInt(true, "The device index on the instance, 1 or more (0 is the primary interface the instance "+
				"launched with), free on the instance and below the instance type's maximum of network interfaces."),
			"network_card_index": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0),
				PlanModifiers:       replaceInt64OnChange,
				MarkdownDescription: "The network card of the instance to attach on: `0`, the only card of the instance types simcloud knows."},
			"attachment_id": computedID("The attachment's ID, `eni-attach-` followed by 17 hexadecimal digits."),
			"status":        computedID("The attachment's status: `attached`."),
		},
	},
	check: func(ctx context.Context, d *providerData, p planStep[networkInterfaceAttachmentModel]) error {
		if p.state != nil {
			return nil
		}
		in := cloud.NetworkInterfaceAttachmentInput{InstanceID: plannedID(p.plan.InstanceID, cloud.KindInstance),
			NetworkInterfaceID: plannedID(p.plan.NetworkInterfaceID, cloud.KindNetworkInterface),
			DeviceIndex:        p.plan.DeviceIndex.ValueInt64(), NetworkCardIndex: p.plan.NetworkCardIndex.ValueInt64()}
		if p.plan.DeviceIndex.IsUnknown() {
			// Which index is taken is for the apply to see.
			in.InstanceID = cloud.UnknownID(cloud.KindInstance)
		}
		holder := d.plan.NewHolderNamed(fmt.Sprintf("the simcloud_network_interface_attachment planned for %s", p.plan.NetworkInterfaceID.ValueString()))
		return d.client.CheckNetworkInterfaceAttachment(ctx, d.plan, holder, in)
	},
	create: func(d *providerData, ctx context.Context, a applyStep[networkInterfaceAttachmentModel]) (cloud.NetworkInterfaceAttachment, error) {
		return d.client.AttachNetworkInterface(ctx, cloud.NetworkInterfaceAttachmentInput{InstanceID: a.plan.InstanceID.ValueString(),
			NetworkInterfaceID: a.plan.NetworkInterfaceID.ValueString(), DeviceIndex: a.plan.DeviceIndex.ValueInt64(),
			NetworkCardIndex: a.plan.NetworkCardIndex.ValueInt64()})
	},
	get:        (*cloud.Client).NetworkInterfaceAttachment,
	removeByID: (*cloud.Client).DetachNetworkInterface,
	fill: func(m *networkInterfaceAttachmentModel, a cloud.NetworkInterfaceAttachment) {
		m.ID, m.AttachmentID, m.Status = types.StringValue(a.ID), types.StringValue(a.ID), types.StringValue(a.Status)
		m.InstanceID, m.NetworkInterfaceID = types.StringValue(a.InstanceID), types.StringValue(a.NetworkInterfaceID)
		m.DeviceIndex, m.NetworkCardIndex = types.Int64Value(a.DeviceIndex), types.Int64Value(a.NetworkCardIndex)
	},
}
