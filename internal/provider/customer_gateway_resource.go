package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type customerGatewayModel struct {
	taggedObject
	ARN            types.String `tfsdk:"arn"`
	BGPASN         types.String `tfsdk:"bgp_asn"`
	BGPASNExtended types.String `tfsdk:"bgp_asn_extended"`
	CertificateARN types.String `tfsdk:"certificate_arn"`
	DeviceName     types.String `tfsdk:"device_name"`
	IPAddress      types.String `tfsdk:"ip_address"`
	Type           types.String `tfsdk:"type"`
}

func (m *customerGatewayModel) input(tags map[string]string) cloud.CustomerGatewayInput {
	return cloud.CustomerGatewayInput{BGPASN: planned(m.BGPASN), BGPASNExtended: planned(m.BGPASNExtended),
		IPAddress: planned(m.IPAddress), Type: planned(m.Type), CertificateARN: planned(m.CertificateARN),
		DeviceName: planned(m.DeviceName), Tags: tags}
}

// Every argument but the tags replaces the gateway, as in AWS.
var customerGatewayKind = resourceKind[customerGatewayModel, cloud.CustomerGateway]{
	kind: cloud.KindCustomerGateway,
	schema: schema.Schema{
		MarkdownDescription: "A customer gateway, with the arguments and attributes of `aws_customer_gateway`: AWS's record of the device at your end of a site-to-site VPN.",
		Attributes: map[string]schema.Attribute{
			"arn": computedID("The gateway's ARN."),
			"bgp_asn": optionalReplacing("The device's BGP ASN, from 1 to 2147483647, as a string as in the AWS provider 6. " +
				"One of `bgp_asn` and `bgp_asn_extended` is required."),
			"bgp_asn_extended": optionalReplacing("The device's BGP ASN when it is above 2147483647, up to 4294967295."),
			"certificate_arn":  optionalReplacing("The ARN of a private certificate in AWS Certificate Manager that the device authenticates with."),
			"device_name":      optionalReplacing("A name for the device, at most 255 characters."),
			"ip_address":       optionalReplacing("The IPv4 address of the device's outside interface."),
			"type":             requiredReplacing("The type of VPN connection the device supports: `ipsec.1`, the one AWS has."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[customerGatewayModel]) (cloud.CustomerGateway, error) {
		return d.client.CreateCustomerGateway(ctx, a.plan.input(a.tags))
	},
	get:        cloud.Describe[cloud.CustomerGateway],
	setTags:    cloud.ReplaceTags[cloud.CustomerGateway],
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[customerGatewayModel]) error {
		return d.client.CheckCustomerGateway(ctx, d.plan, p.holder, p.plan.input(p.tags))
	},
	fill: func(m *customerGatewayModel, g cloud.CustomerGateway) {
		m.ID = types.StringValue(g.ID)
		m.ARN = types.StringValue(g.ARN())
		m.BGPASN = optionalFromCloud(m.BGPASN, g.BGPASN)
		m.BGPASNExtended = optionalFromCloud(m.BGPASNExtended, g.BGPASNExtended)
		m.CertificateARN = optionalFromCloud(m.CertificateARN, g.CertificateARN)
		m.DeviceName = optionalFromCloud(m.DeviceName, g.DeviceName)
		m.IPAddress = optionalFromCloud(m.IPAddress, g.IPAddress)
		m.Type = types.StringValue(g.Type)
	},
	tagsOf: func(g cloud.CustomerGateway) map[string]string { return g.Tags },
}
