package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkInterfaceSGAttachmentModel struct {
	objectID
	SecurityGroupID    types.String `tfsdk:"security_group_id"`
	NetworkInterfaceID types.String `tfsdk:"network_interface_id"`
}

func (m *networkInterfaceSGAttachmentModel) attachment() cloud.InterfaceGroupAttachment {
	return cloud.InterfaceGroupAttachment{SecurityGroupID: m.SecurityGroupID.ValueString(), NetworkInterfaceID: m.NetworkInterfaceID.ValueString()}
}

// The attachment is one entry of the interface's groups, so it has no kind
// of its own in the registry: its operations are named here.
var networkInterfaceSGAttachmentKind = resourceKind[networkInterfaceSGAttachmentModel, cloud.InterfaceGroupAttachment]{
	typeName:    "_network_interface_sg_attachment",
	createOp:    "ModifyNetworkInterfaceAttribute",
	describeOp:  "DescribeNetworkInterfaces",
	deleteOp:    "ModifyNetworkInterfaceAttribute",
	errorFields: map[string]string{"security_group_id": "security_group_id", "network_interface_id": "network_interface_id"},
	schema: schema.Schema{
		MarkdownDescription: "Adds one security group to a network interface's groups, as `aws_network_interface_sg_attachment` does; " +
			"destroying it removes the group again. Do not also list the interface's groups in `simcloud_instance`'s " +
			"`vpc_security_group_ids` or `simcloud_network_interface`'s `security_groups`: each would plan to undo the other.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The group's ID and the interface's, joined by an underscore (`sg-..._eni-...`), as the AWS provider forms it."),
			"security_group_id": replacingReference(cloud.KindSecurityGroup, "The security group to add, of the interface's VPC; "+
				"an interface has at most 5 groups."),
			"network_interface_id": replacingReference(cloud.KindNetworkInterface, "The interface to add the group to, such as an "+
				"instance's `primary_network_interface_id`."),
		},
	},
	check: func(ctx context.Context, d *providerData, p planStep[networkInterfaceSGAttachmentModel]) error {
		if p.state != nil {
			return nil
		}
		a := cloud.InterfaceGroupAttachment{SecurityGroupID: plannedID(p.plan.SecurityGroupID, cloud.KindSecurityGroup),
			NetworkInterfaceID: plannedID(p.plan.NetworkInterfaceID, cloud.KindNetworkInterface)}
		holder := d.plan.NewHolderNamed(fmt.Sprintf("the simcloud_network_interface_sg_attachment planned for %s", p.plan.SecurityGroupID.ValueString()))
		return d.client.CheckInterfaceGroupAttachment(ctx, d.plan, holder, a)
	},
	create: func(d *providerData, ctx context.Context, a applyStep[networkInterfaceSGAttachmentModel]) (cloud.InterfaceGroupAttachment, error) {
		return d.client.AttachInterfaceGroup(ctx, a.plan.attachment())
	},
	read: func(c *cloud.Client, ctx context.Context, m *networkInterfaceSGAttachmentModel) (cloud.InterfaceGroupAttachment, error) {
		present, err := c.InterfaceGroupAttachment(ctx, m.attachment())
		if err == nil && !present {
			err = errGone
		}
		return m.attachment(), err
	},
	remove: func(c *cloud.Client, ctx context.Context, m *networkInterfaceSGAttachmentModel) error {
		return c.DetachInterfaceGroup(ctx, m.attachment())
	},
	fill: func(m *networkInterfaceSGAttachmentModel, a cloud.InterfaceGroupAttachment) {
		m.ID = types.StringValue(a.ID())
		m.SecurityGroupID, m.NetworkInterfaceID = types.StringValue(a.SecurityGroupID), types.StringValue(a.NetworkInterfaceID)
	},
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		group, eni, err := cloud.ParseInterfaceGroupAttachmentID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": group + "_" + eni, "security_group_id": group, "network_interface_id": eni})
	},
}
