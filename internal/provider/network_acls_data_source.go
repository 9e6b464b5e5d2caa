package provider

import "github.com/simcloud/terraform-provider-simcloud/internal/cloud"

var networkACLsListing = idsKind[idsInVPC, cloud.NetworkACL, cloud.NetworkACLFilter]{
	kind:       cloud.KindNetworkACL,
	attributes: inVPCArguments("network ACLs"),
	filter: func(m *idsInVPC, tags map[string]string) cloud.NetworkACLFilter {
		return cloud.NetworkACLFilter{VPCID: m.VPCID.ValueString(), Tags: tags}
	},
	find: cloud.Find[cloud.NetworkACL, cloud.NetworkACLFilter],
	id:   func(a cloud.NetworkACL) string { return a.ID },
}
