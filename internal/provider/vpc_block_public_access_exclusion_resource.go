package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type blockPublicAccessExclusionModel struct {
	taggedObject
	InternetGatewayExclusionMode types.String `tfsdk:"internet_gateway_exclusion_mode"`
	VPCID                        types.String `tfsdk:"vpc_id"`
	SubnetID                     types.String `tfsdk:"subnet_id"`
	ResourceARN                  types.String `tfsdk:"resource_arn"`
}

var blockPublicAccessExclusionKind = resourceKind[blockPublicAccessExclusionModel, cloud.BlockPublicAccessExclusion]{
	kind: cloud.KindBlockPublicAccessExclusion,
	schema: schema.Schema{
		MarkdownDescription: "An exclusion of one VPC or subnet from VPC Block Public Access, with the arguments and attributes of " +
			"`aws_vpc_block_public_access_exclusion`.",
		Attributes: map[string]schema.Attribute{
			"internet_gateway_exclusion_mode": requiredArgument("`allow-bidirectional` (traffic in and out) or `allow-egress` (out only; it applies in `block-bidirectional` mode). "+
				"Changed in place.", cloudCheck(cloud.ValidateExclusionMode)),
			"vpc_id":       optionalReplacing("The VPC excluded. Exactly one of `vpc_id` and `subnet_id`. Changing it replaces the exclusion.", idCheck(cloud.KindVPC)),
			"subnet_id":    optionalReplacing("The subnet excluded. Exactly one of `vpc_id` and `subnet_id`. Changing it replaces the exclusion.", idCheck(cloud.KindSubnet)),
			"resource_arn": computedID("The ARN of the VPC or subnet excluded."),
		},
	},
	updateOp:    "ModifyVpcBlockPublicAccessExclusion",
	errorFields: map[string]string{"vpc_id": "vpc_id", "subnet_id": "subnet_id", "internet_gateway_exclusion_mode": "internet_gateway_exclusion_mode", "tags_all": "tags_all"},
	create: func(d *providerData, ctx context.Context, a applyStep[blockPublicAccessExclusionModel]) (cloud.BlockPublicAccessExclusion, error) {
		return d.client.CreateBlockPublicAccessExclusion(ctx, cloud.ExclusionInput{VPCID: a.plan.VPCID.ValueString(), SubnetID: a.plan.SubnetID.ValueString(),
			Mode: a.plan.InternetGatewayExclusionMode.ValueString(), Tags: a.tags})
	},
	get: cloud.Describe[cloud.BlockPublicAccessExclusion],
	update: func(d *providerData, ctx context.Context, a applyStep[blockPublicAccessExclusionModel]) (cloud.BlockPublicAccessExclusion, error) {
		return d.client.UpdateBlockPublicAccessExclusion(ctx, a.plan.ID.ValueString(), a.plan.InternetGatewayExclusionMode.ValueString(), a.tags)
	},
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[blockPublicAccessExclusionModel]) error {
		if err := cloud.CheckExclusionArguments(givenArguments(ctx, p.config, p.diags, "vpc_id", "subnet_id")); err != nil {
			return err
		}
		in := cloud.ExclusionInput{Mode: planned(p.plan.InternetGatewayExclusionMode), Tags: p.tags}
		if !p.plan.VPCID.IsNull() {
			in.VPCID = plannedID(p.plan.VPCID, cloud.KindVPC)
		}
		if !p.plan.SubnetID.IsNull() {
			in.SubnetID = plannedID(p.plan.SubnetID, cloud.KindSubnet)
		}
		if !cloud.IsKnown(in.Mode) {
			// A mode known only after apply is checked then; the rest of
			// the rule runs now.
			in.Mode = cloud.ExclusionAllowBidirectional
		}
		return d.client.CheckBlockPublicAccessExclusion(ctx, d.plan, p.holder, in)
	},
	fill: func(m *blockPublicAccessExclusionModel, e cloud.BlockPublicAccessExclusion) {
		m.ID, m.ResourceARN = types.StringValue(e.ID), types.StringValue(e.ResourceARN())
		m.InternetGatewayExclusionMode = types.StringValue(e.InternetGatewayExclusionMode)
		m.VPCID, m.SubnetID = nullIfEmpty(e.VPCID, types.StringNull()), nullIfEmpty(e.SubnetID, types.StringNull())
	},
	tagsOf:           func(e cloud.BlockPublicAccessExclusion) map[string]string { return e.Tags },
	configValidators: []resource.ConfigValidator{argumentsCheck(whenKnown(cloud.CheckExclusionArguments), "vpc_id", "subnet_id")},
}
