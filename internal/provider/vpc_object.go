package provider

import "github.com/hashicorp/terraform-plugin-framework/types"

// vpcObject is what the resources and data sources of the objects that
// live in a VPC and carry an ARN (internet gateways, route tables, security
// groups, network ACLs) all read alike: the ARN, the account that owns the
// object, and its VPC.
type vpcObject struct {
	ARN     types.String `tfsdk:"arn"`
	OwnerID types.String `tfsdk:"owner_id"`
	VPCID   types.String `tfsdk:"vpc_id"`
}

func (o *vpcObject) readVPCObject(arn, ownerID, vpcID string) {
	o.ARN, o.OwnerID, o.VPCID = types.StringValue(arn), types.StringValue(ownerID), types.StringValue(vpcID)
}
