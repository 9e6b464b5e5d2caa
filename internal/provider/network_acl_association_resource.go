package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkACLAssociationModel struct {
	objectID
	NetworkACLID types.String `tfsdk:"network_acl_id"`
	SubnetID     types.String `tfsdk:"subnet_id"`
}

// Every argument replaces the association, so it is never updated. It is
// imported by its aclassoc- ID, as the AWS provider's is.
var networkACLAssociationKind = resourceKind[networkACLAssociationModel, cloud.NetworkACLAssociation]{
	typeName: "_network_acl_association",
	kind:     cloud.KindNetworkACLAssociation,
	schema: schema.Schema{
		MarkdownDescription: "Associates a subnet with a network ACL, as `aws_network_acl_association` does: the association replaces the subnet's " +
			"current one, and destroying it returns the subnet to its VPC's default ACL.",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("The association's ID, `aclassoc-` followed by 17 hexadecimal digits."),
			"network_acl_id": replacingReference(cloud.KindNetworkACL, "The network ACL, of the subnet's VPC. Changing it replaces the association."),
			"subnet_id":      replacingReference(cloud.KindSubnet, "The subnet. It has one network ACL. Changing it replaces the association."),
		},
	},
	createOp:   "ReplaceNetworkAclAssociation",
	describeOp: "DescribeNetworkAcls",
	deleteOp:   "ReplaceNetworkAclAssociation",
	create: func(d *providerData, ctx context.Context, a applyStep[networkACLAssociationModel]) (cloud.NetworkACLAssociation, error) {
		return d.client.AssociateNetworkACL(ctx, a.plan.NetworkACLID.ValueString(), a.plan.SubnetID.ValueString())
	},
	get:        (*cloud.Client).NetworkACLAssociation,
	removeByID: (*cloud.Client).DisassociateNetworkACL,
	check: func(ctx context.Context, d *providerData, p planStep[networkACLAssociationModel]) error {
		aclID, subnetID := plannedID(p.plan.NetworkACLID, cloud.KindNetworkACL), plannedID(p.plan.SubnetID, cloud.KindSubnet)
		stateID, change := "", unchanged
		if p.state != nil {
			stateID = p.state.ID.ValueString()
			change = changeOf(!p.plan.SubnetID.Equal(p.state.SubnetID) || !p.plan.NetworkACLID.Equal(p.state.NetworkACLID), true)
		}
		key := strings.Join([]string{"simcloud_network_acl_association", aclID, subnetID}, "|")
		description := fmt.Sprintf("the simcloud_network_acl_association planned in this configuration for %s and %s", aclID, subnetID)
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, _ string) error {
			return d.client.CheckNetworkACLAssociation(ctx, d.plan, holder, aclID, subnetID)
		})
	},
	fill: func(m *networkACLAssociationModel, a cloud.NetworkACLAssociation, _ *diag.Diagnostics) {
		m.ID, m.NetworkACLID, m.SubnetID = types.StringValue(a.ID), types.StringValue(a.NetworkACLID), types.StringValue(a.SubnetID)
	},
}
