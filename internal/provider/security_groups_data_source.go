package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type securityGroupsModel struct {
	idsSearch
	ARNs   types.List `tfsdk:"arns"`
	VPCIDs types.List `tfsdk:"vpc_ids"`
}

// securityGroupsListing is simcloud_security_groups, which besides the IDs
// gives each group's ARN and VPC, as aws_security_groups does.
var securityGroupsListing = idsKind[securityGroupsModel, cloud.SecurityGroup, cloud.SecurityGroupFilter]{
	kind: cloud.KindSecurityGroup,
	attributes: map[string]schema.Attribute{
		"arns":    schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Their ARNs, in the same order."},
		"vpc_ids": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Their VPCs, in the same order."},
	},
	filter: func(_ *securityGroupsModel, tags map[string]string) cloud.SecurityGroupFilter {
		return cloud.SecurityGroupFilter{Tags: tags}
	},
	find: cloud.Find[cloud.SecurityGroup, cloud.SecurityGroupFilter],
	id:   func(g cloud.SecurityGroup) string { return g.ID },
	also: func(ctx context.Context, m *securityGroupsModel, found []cloud.SecurityGroup, diags *diag.Diagnostics) {
		arns, vpcs := make([]string, 0, len(found)), make([]string, 0, len(found))
		for _, g := range found {
			arns, vpcs = append(arns, g.ARN()), append(vpcs, g.VPCID)
		}
		m.ARNs, m.VPCIDs = listOfStrings(ctx, arns, diags), listOfStrings(ctx, vpcs, diags)
	},
}
