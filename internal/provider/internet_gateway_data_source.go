package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type internetGatewayDataSourceModel struct {
	InternetGatewayID types.String `tfsdk:"internet_gateway_id"`
	searchCriteria
	vpcObject
	Attachments types.List `tfsdk:"attachments"`
}

// attachmentType is the shape of one entry of attachments, as in the AWS
// provider's data source.
var attachmentType = types.ObjectType{AttrTypes: map[string]attr.Type{"state": types.StringType, "vpc_id": types.StringType}}

var internetGatewayLookup = lookupKind[internetGatewayDataSourceModel, cloud.InternetGateway, cloud.InternetGatewayFilter]{
	kind: cloud.KindInternetGateway,
	description: "Looks up one internet gateway by ID, the VPC it is attached to, tags, `filter` blocks (`attachment.vpc-id`, `attachment.state`, `tag:Name`, ...), " +
		"or any combination of them, as the `aws_internet_gateway` data source does. Exactly one gateway must match.",
	attributes: map[string]schema.Attribute{
		"internet_gateway_id": lookupCriterion(cloud.KindInternetGateway, "The ID of the gateway to find, under the name the `aws_internet_gateway` data source uses."),
		"vpc_id":              lookupCriterion(cloud.KindVPC, "The VPC the gateway to find is attached to. Once found, the VPC it is attached to, or an empty string."),
		"arn":                 schema.StringAttribute{Computed: true, MarkdownDescription: "The gateway's ARN."},
		"owner_id":            schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of the account that owns the gateway."},
		"attachments": schema.ListAttribute{
			ElementType:         attachmentType,
			Computed:            true,
			MarkdownDescription: "The gateway's attachment, as in AWS: empty, or one entry with `vpc_id` and `state` (`available`).",
		},
	},
	filter: func(m *internetGatewayDataSourceModel, tags map[string]string, diags *diag.Diagnostics) cloud.InternetGatewayFilter {
		return cloud.InternetGatewayFilter{ID: eitherID(m.ID, m.InternetGatewayID, "internet_gateway_id", "gateway", diags), VPCID: m.VPCID.ValueString(), Tags: tags}
	},
	find:    (*cloud.Client).FindInternetGateways,
	filters: filtersOf[cloud.InternetGateway](),
	id:      func(g cloud.InternetGateway) string { return g.ID },
	fill: func(m *internetGatewayDataSourceModel, igw cloud.InternetGateway, diags *diag.Diagnostics) {
		var attachedTo []string
		if igw.VPCID != "" {
			attachedTo = append(attachedTo, igw.VPCID)
		}
		m.InternetGatewayID = types.StringValue(igw.ID)
		m.readVPCObject(igw.ARN(), igw.OwnerID, igw.VPCID)
		m.Attachments = objectList(attachmentType, attachedTo, func(vpcID string) map[string]attr.Value {
			return map[string]attr.Value{"state": types.StringValue("available"), "vpc_id": types.StringValue(vpcID)}
		}, diags)
	},
	tagsOf: func(igw cloud.InternetGateway) map[string]string { return igw.Tags },
}
