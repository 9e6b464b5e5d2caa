package provider

import "github.com/simcloud/terraform-provider-simcloud/internal/cloud"

var vpcsListing = idsKind[idsSearch, cloud.VPC, cloud.VPCFilter]{
	kind:   cloud.KindVPC,
	filter: func(_ *idsSearch, tags map[string]string) cloud.VPCFilter { return cloud.VPCFilter{Tags: tags} },
	find:   (*cloud.Client).FindVPCs,
	id:     func(v cloud.VPC) string { return v.ID },
}
