package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkACLAssociationModel struct {
	objectID
	NetworkACLID types.String `tfsdk:"network_acl_id"`
	SubnetID     types.String `tfsdk:"subnet_id"`
}

// It is imported by its aclassoc- ID, as the AWS provider's is.
var networkACLAssociationKind = linkKind(objectLink[networkACLAssociationModel, cloud.NetworkACLAssociation]{
	description: "Associates a subnet with a network ACL, as `aws_network_acl_association` does: the association replaces the subnet's " +
		"current one, and destroying it returns the subnet to its VPC's default ACL.",
	idDescription: "The association's ID, `aclassoc-` followed by 17 hexadecimal digits.",
	first:         linkEnd{"network_acl_id", cloud.KindNetworkACL, "The network ACL, of the subnet's VPC. Changing it replaces the association."},
	second:        linkEnd{"subnet_id", cloud.KindSubnet, "The subnet. It has one network ACL. Changing it replaces the association."},
	ends:          func(m *networkACLAssociationModel) (types.String, types.String) { return m.NetworkACLID, m.SubnetID },
	checkLink: func(ctx context.Context, d *providerData, c linkCheck) error {
		return d.client.CheckNetworkACLAssociation(ctx, d.plan, c.holder, c.first, c.second)
	},
	resourceKind: resourceKind[networkACLAssociationModel, cloud.NetworkACLAssociation]{
		typeName:   "_network_acl_association",
		kind:       cloud.KindNetworkACLAssociation,
		createOp:   "ReplaceNetworkAclAssociation",
		describeOp: "DescribeNetworkAcls",
		deleteOp:   "ReplaceNetworkAclAssociation",
		create: func(d *providerData, ctx context.Context, a applyStep[networkACLAssociationModel]) (cloud.NetworkACLAssociation, error) {
			return d.client.AssociateNetworkACL(ctx, a.plan.NetworkACLID.ValueString(), a.plan.SubnetID.ValueString())
		},
		get:        (*cloud.Client).NetworkACLAssociation,
		removeByID: (*cloud.Client).DisassociateNetworkACL,
		fill: func(m *networkACLAssociationModel, a cloud.NetworkACLAssociation) {
			m.ID, m.NetworkACLID, m.SubnetID = types.StringValue(a.ID), types.StringValue(a.NetworkACLID), types.StringValue(a.SubnetID)
		},
	},
})
