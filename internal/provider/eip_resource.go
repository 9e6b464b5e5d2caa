package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type eipModel struct {
	taggedObject
	eipAttributes
}

// eipAttributes are what the simcloud_eip resource and data source both
// read from an address.
type eipAttributes struct {
	AllocationID  types.String `tfsdk:"allocation_id"`
	Domain        types.String `tfsdk:"domain"`
	PublicIP      types.String `tfsdk:"public_ip"`
	AssociationID types.String `tfsdk:"association_id"`
	ARN           types.String `tfsdk:"arn"`
}

func (a *eipAttributes) read(eip cloud.ElasticIP) {
	a.AllocationID, a.PublicIP = types.StringValue(eip.AllocationID), types.StringValue(eip.PublicIP)
	a.AssociationID, a.Domain, a.ARN = types.StringValue(eip.AssociationID), types.StringValue("vpc"), types.StringValue(eip.ARN())
}

var eipKind = resourceKind[eipModel, cloud.ElasticIP]{
	kind: cloud.KindElasticIP,
	schema: schema.Schema{
		MarkdownDescription: "An elastic IP address, with the arguments and attributes of `aws_eip`: a public IPv4 address of the account's own, " +
			"which a public NAT gateway uses. Simulated addresses come from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("The allocation ID, `eipalloc-` followed by 17 hexadecimal digits."),
			"allocation_id":  computedID("The allocation ID, the same as `id`."),
			"domain":         defaultedReplacing("vpc", "Always `vpc`: EC2-Classic addresses are retired, as in AWS.", cloudCheck(validateEIPDomain)),
			"public_ip":      computedID("The public address."),
			"association_id": computedValue("The ID of the address's association with a NAT gateway, or an empty string. As of the last refresh."),
			"arn":            computedID("The address's ARN."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[eipModel]) (cloud.ElasticIP, error) {
		return d.client.AllocateAddress(ctx, a.tags)
	},
	get:        (*cloud.Client).ElasticIP,
	setTags:    (*cloud.Client).UpdateElasticIP,
	removeByID: (*cloud.Client).ReleaseAddress,
	fill: func(m *eipModel, eip cloud.ElasticIP) {
		m.ID = types.StringValue(eip.AllocationID)
		m.read(eip)
	},
	tagsOf: func(eip cloud.ElasticIP) map[string]string { return eip.Tags },
}

func validateEIPDomain(domain string) error {
	if domain == "vpc" {
		return nil
	}
	return &cloud.Error{Code: "InvalidParameterValue", Message: "Value (" + domain + ") for parameter domain is invalid.",
		Fix: "Use vpc: with the retirement of EC2-Classic, standard addresses are no longer supported."}
}
