package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type eipAssociationModel struct {
	objectID
	AllocationID       types.String `tfsdk:"allocation_id"`
	InstanceID         types.String `tfsdk:"instance_id"`
	NetworkInterfaceID types.String `tfsdk:"network_interface_id"`
	PrivateIPAddress   types.String `tfsdk:"private_ip_address"`
	AllowReassociation types.Bool   `tfsdk:"allow_reassociation"`
	PublicIP           types.String `tfsdk:"public_ip"`
}

var eipAssociationKind = resourceKind[eipAssociationModel, cloud.AddressAssociation]{
	kind:     cloud.KindElasticIPAssociation,
	typeName: "_eip_association",
	errorFields: map[string]string{"allocation_id": "allocation_id", "instance_id": "instance_id", "network_interface_id": "network_interface_id",
		"private_ip_address": "private_ip_address"},
	schema: schema.Schema{
		MarkdownDescription: "The association of an elastic IP with an instance's primary address or an interface's address, with the arguments and " +
			"attributes of `aws_eip_association`. Every argument replaces the association.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The association's ID, `eipassoc-` followed by 17 hexadecimal digits."),
			"allocation_id": requiredReplacing("The elastic IP's allocation ID (the simulated cloud has no EC2-Classic addresses named by public IP).",
				idCheck(cloud.KindElasticIP)),
			"instance_id": optionalComputedReplacing("The instance whose primary interface gets the address. Give this or `network_interface_id`.",
				idCheck(cloud.KindInstance)),
			"network_interface_id": optionalComputedReplacing("The interface that gets the address; for `instance_id`, its primary interface.",
				idCheck(cloud.KindNetworkInterface)),
			"private_ip_address": optionalComputedReplacing("The interface's private address to map to; its primary one when left out.", cloudCheck(validIPv4)),
			"allow_reassociation": optionalReplacingBool("Whether an address associated elsewhere may move here (`false`, default: " +
				"refused with `Resource.AlreadyAssociated`)."),
			"public_ip": computedID("The elastic IP's public address."),
		},
	},
	configValidators: []resource.ConfigValidator{
		argumentChoice(true, "instance_id", "network_interface_id"),
	},
	check: func(ctx context.Context, d *providerData, p planStep[eipAssociationModel]) error {
		if p.state != nil {
			return nil
		}
		in := cloud.AddressAssociationInput{AllocationID: plannedID(p.plan.AllocationID, cloud.KindElasticIP),
			InstanceID:         configuredOrKnownID(ctx, p.config, "instance_id", p.plan.InstanceID, cloud.KindInstance, p.diags),
			NetworkInterfaceID: configuredOrKnownID(ctx, p.config, "network_interface_id", p.plan.NetworkInterfaceID, cloud.KindNetworkInterface, p.diags),
			PrivateIPAddress:   known(p.plan.PrivateIPAddress), AllowReassociation: p.plan.AllowReassociation.ValueBool()}
		if in.InstanceID != "" && in.NetworkInterfaceID != "" {
			// An instance's interface is read back, not asked for.
			in.NetworkInterfaceID = ""
		}
		holder := d.plan.NewHolderNamed(fmt.Sprintf("the simcloud_eip_association planned in this configuration for %s", in.AllocationID))
		return d.client.CheckAddressAssociation(ctx, d.plan, holder, in, "")
	},
	create: func(d *providerData, ctx context.Context, a applyStep[eipAssociationModel]) (cloud.AddressAssociation, error) {
		in := cloud.AddressAssociationInput{AllocationID: a.plan.AllocationID.ValueString(), InstanceID: known(a.plan.InstanceID),
			NetworkInterfaceID: known(a.plan.NetworkInterfaceID), PrivateIPAddress: known(a.plan.PrivateIPAddress),
			AllowReassociation: a.plan.AllowReassociation.ValueBool()}
		if in.InstanceID != "" {
			in.NetworkInterfaceID = ""
		}
		return d.client.AssociateAddress(ctx, in)
	},
	get:        (*cloud.Client).AddressAssociation,
	removeByID: (*cloud.Client).DisassociateAddress,
	fill: func(m *eipAssociationModel, a cloud.AddressAssociation) {
		m.ID, m.AllocationID = types.StringValue(a.ID), types.StringValue(a.AllocationID)
		m.InstanceID, m.NetworkInterfaceID = types.StringValue(a.InstanceID), types.StringValue(a.NetworkInterfaceID)
		m.PrivateIPAddress, m.PublicIP = types.StringValue(a.PrivateIPAddress), types.StringValue(a.PublicIP)
		m.AllowReassociation = providerFlag(m.AllowReassociation)
	},
}
