package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// internetAccessTypes are the attributes of a subnet's internet_access: for
// each direction and IP version, whether traffic gets through, and why.
var internetAccessTypes = map[string]attr.Type{
	"ipv4_outbound": types.BoolType, "ipv4_outbound_reason": types.StringType,
	"ipv4_inbound": types.BoolType, "ipv4_inbound_reason": types.StringType,
	"ipv6_outbound": types.BoolType, "ipv6_outbound_reason": types.StringType,
	"ipv6_inbound": types.BoolType, "ipv6_inbound_reason": types.StringType,
}

const internetAccessDescription = "What can reach the internet from the subnet, and the subnet from the internet, over IPv4 and IPv6: " +
	"`ipv4_outbound`, `ipv4_inbound`, `ipv6_outbound`, `ipv6_inbound`, each with a `_reason` saying through which gateway, " +
	"or where the path stops. The route table that serves the subnet decides, by longest-prefix match, as the `simcloud_network_path` data source shows hop by hop."

func internetAccessValue(a cloud.InternetAccess, diags *diag.Diagnostics) types.Object {
	values := map[string]attr.Value{}
	for name, p := range map[string]cloud.Path{"ipv4_outbound": a.IPv4Outbound, "ipv4_inbound": a.IPv4Inbound,
		"ipv6_outbound": a.IPv6Outbound, "ipv6_inbound": a.IPv6Inbound} {
		values[name] = types.BoolValue(p.Reachable)
		values[name+"_reason"] = types.StringValue(p.Reason())
	}
	v, ds := types.ObjectValue(internetAccessTypes, values)
	diags.Append(ds...)
	return v
}
