package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcDHCPOptionsAssociationModel struct {
	objectID
	DHCPOptionsID types.String `tfsdk:"dhcp_options_id"`
	VPCID         types.String `tfsdk:"vpc_id"`
}

// AWS has no call that undoes an association: destroying one associates the
// VPC with no set, as the AWS provider does.
var vpcDHCPOptionsAssociationKind = resourceKind[vpcDHCPOptionsAssociationModel, cloud.DHCPOptionsAssociation]{
	typeName: "_vpc_dhcp_options_association",
	schema: schema.Schema{
		MarkdownDescription: "Associates a VPC with a DHCP options set, as `aws_vpc_dhcp_options_association` does, in place of the region's default set that " +
			"every new VPC gets. Destroying it leaves the VPC with no set (`dhcp_options_id` reads `default`), as in AWS.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("`<dhcp_options_id>-<vpc_id>`."),
			"dhcp_options_id": requiredArgument("The set to associate the VPC with, or `default` for none, as AWS's AssociateDhcpOptions takes it. "+
				"Changed in place.", cloudCheck(func(id string) error {
				if id == cloud.NoDHCPOptions {
					return nil
				}
				return cloud.ValidateID(cloud.KindDHCPOptions, id, "")
			})),
			"vpc_id": replacingReference(cloud.KindVPC, "The VPC. Changing it replaces the association."),
		},
	},
	createOp:   "AssociateDhcpOptions",
	describeOp: "DescribeVpcs",
	updateOp:   "AssociateDhcpOptions",
	deleteOp:   "AssociateDhcpOptions",
	create:     associateDHCPOptions,
	update:     associateDHCPOptions,
	read: func(c *cloud.Client, ctx context.Context, state *vpcDHCPOptionsAssociationModel) (cloud.DHCPOptionsAssociation, error) {
		vpc, err := c.VPC(ctx, state.VPCID.ValueString())
		if err == nil && cloud.DHCPOptionsOf(vpc) != state.DHCPOptionsID.ValueString() {
			err = errGone
		}
		return cloud.DHCPOptionsAssociation{DHCPOptionsID: cloud.DHCPOptionsOf(vpc), VPCID: vpc.ID}, err
	},
	remove: func(c *cloud.Client, ctx context.Context, state *vpcDHCPOptionsAssociationModel) error {
		if state.DHCPOptionsID.ValueString() == cloud.NoDHCPOptions {
			return nil
		}
		err := c.AssociateDHCPOptions(ctx, cloud.NoDHCPOptions, state.VPCID.ValueString())
		if cloud.IsNotFound(err) {
			return nil
		}
		return err
	},
	check: func(ctx context.Context, d *providerData, p planStep[vpcDHCPOptionsAssociationModel]) error {
		want := cloud.DHCPOptionsAssociation{DHCPOptionsID: planned(p.plan.DHCPOptionsID), VPCID: plannedID(p.plan.VPCID, cloud.KindVPC)}
		p.plan.ID = types.StringUnknown()
		if cloud.IsKnown(want.DHCPOptionsID) && cloud.IsKnown(want.VPCID) {
			p.plan.ID = types.StringValue(want.ID())
		}
		return d.client.CheckAssociateDHCPOptions(ctx, d.plan, p.holder, want.DHCPOptionsID, want.VPCID)
	},
	fill: func(m *vpcDHCPOptionsAssociationModel, a cloud.DHCPOptionsAssociation) {
		m.ID, m.DHCPOptionsID, m.VPCID = types.StringValue(a.ID()), types.StringValue(a.DHCPOptionsID), types.StringValue(a.VPCID)
	},
	// By the VPC's ID, as the AWS provider imports it.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importByVPC(ctx, "simcloud_vpc_dhcp_options_association", "DescribeVpcs", req, resp, func(vpcID string) (map[string]string, error) {
			vpc, err := d.client.VPC(ctx, vpcID)
			a := cloud.DHCPOptionsAssociation{DHCPOptionsID: cloud.DHCPOptionsOf(vpc), VPCID: vpc.ID}
			return map[string]string{"id": a.ID(), "dhcp_options_id": a.DHCPOptionsID, "vpc_id": a.VPCID}, err
		})
	},
}

func associateDHCPOptions(d *providerData, ctx context.Context, a applyStep[vpcDHCPOptionsAssociationModel]) (cloud.DHCPOptionsAssociation, error) {
	want := cloud.DHCPOptionsAssociation{DHCPOptionsID: a.plan.DHCPOptionsID.ValueString(), VPCID: a.plan.VPCID.ValueString()}
	return want, d.client.AssociateDHCPOptions(ctx, want.DHCPOptionsID, want.VPCID)
}
