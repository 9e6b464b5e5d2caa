package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type blockPublicAccessOptionsModel struct {
	objectID
	InternetGatewayBlockMode types.String `tfsdk:"internet_gateway_block_mode"`
	AWSAccountID             types.String `tfsdk:"aws_account_id"`
	AWSRegion                types.String `tfsdk:"aws_region"`
}

// The options are a setting of an account and region, not an object: the
// resource's ID is the region, destroying it turns block public access
// off, and a setting found off while the state says otherwise was turned
// off behind Terraform's back, so is planned again as a deleted object is.
var blockPublicAccessOptionsKind = resourceKind[blockPublicAccessOptionsModel, cloud.BlockPublicAccessOptions]{
	typeName: "_vpc_block_public_access_options",
	createOp: "ModifyVpcBlockPublicAccessOptions", describeOp: "DescribeVpcBlockPublicAccessOptions",
	updateOp: "ModifyVpcBlockPublicAccessOptions", deleteOp: "ModifyVpcBlockPublicAccessOptions",
	schema: schema.Schema{
		MarkdownDescription: "The VPC Block Public Access mode of an account in a region, with the arguments and attributes of " +
			"`aws_vpc_block_public_access_options`. Destroying it sets the mode back to `off`. Import it by its region.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The region."),
			"internet_gateway_block_mode": requiredArgument("`off`, `block-bidirectional` (no traffic through internet gateways and egress-only internet gateways) or "+
				"`block-ingress` (no traffic in from the internet; NAT gateways and egress-only internet gateways still let connections out). Changed in place.",
				cloudCheck(cloud.ValidateBlockPublicAccessMode)),
			"aws_account_id": computedID("The account the mode applies to."),
			"aws_region":     computedID("The region the mode applies to."),
		},
	},
	errorFields: map[string]string{"internet_gateway_block_mode": "internet_gateway_block_mode"},
	create: func(d *providerData, ctx context.Context, a applyStep[blockPublicAccessOptionsModel]) (cloud.BlockPublicAccessOptions, error) {
		return d.client.SetBlockPublicAccessOptions(ctx, a.plan.InternetGatewayBlockMode.ValueString())
	},
	read: func(c *cloud.Client, ctx context.Context, state *blockPublicAccessOptionsModel) (cloud.BlockPublicAccessOptions, error) {
		o, err := c.BlockPublicAccessOptions(ctx)
		if err == nil && o.InternetGatewayBlockMode == cloud.BlockPublicAccessOff && state.InternetGatewayBlockMode.ValueString() != cloud.BlockPublicAccessOff {
			return o, errGone
		}
		return o, err
	},
	update: func(d *providerData, ctx context.Context, a applyStep[blockPublicAccessOptionsModel]) (cloud.BlockPublicAccessOptions, error) {
		return d.client.SetBlockPublicAccessOptions(ctx, a.plan.InternetGatewayBlockMode.ValueString())
	},
	remove: func(c *cloud.Client, ctx context.Context, _ *blockPublicAccessOptionsModel) error {
		_, err := c.SetBlockPublicAccessOptions(ctx, cloud.BlockPublicAccessOff)
		return err
	},
	fill: func(m *blockPublicAccessOptionsModel, o cloud.BlockPublicAccessOptions) {
		m.ID, m.AWSRegion, m.AWSAccountID = types.StringValue(o.Region), types.StringValue(o.Region), types.StringValue(o.AccountID)
		m.InternetGatewayBlockMode = types.StringValue(o.InternetGatewayBlockMode)
	},
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		if err := cloud.ValidateRegion(req.ID); err != nil {
			addImportIDError(&resp.Diagnostics, "simcloud_vpc_block_public_access_options is imported by its region. ", err)
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("region"), req.ID)...)
	},
}
