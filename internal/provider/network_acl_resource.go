package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkACLModel struct {
	taggedObject
	vpcObject
	SubnetIDs types.Set `tfsdk:"subnet_ids"`
	Ingress   types.Set `tfsdk:"ingress"`
	Egress    types.Set `tfsdk:"egress"`
}

// aclEntryType is a rule of `ingress` and `egress`, with the keys of the AWS
// provider's. Like the route table's `route`, each is an attribute holding a
// set of objects, so that both `ingress { ... }` blocks and `ingress = []`
// (which removes every rule) are written as with the AWS provider; leaving it
// out leaves the rules of that direction unmanaged.
var aclEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"from_port": types.Int64Type, "to_port": types.Int64Type, "rule_no": types.Int64Type,
	"action": types.StringType, "protocol": types.StringType, "cidr_block": types.StringType, "ipv6_cidr_block": types.StringType,
	"icmp_type": types.Int64Type, "icmp_code": types.Int64Type,
}}

// aclEntriesAttribute is the attribute of a direction's rules; leftOut says
// what leaving it out of the configuration does.
func aclEntriesAttribute(dir, leftOut string) schema.SetAttribute {
	return schema.SetAttribute{
		ElementType: aclEntryType,
		Optional:    true,
		Computed:    true,
		MarkdownDescription: "The ACL's " + dir + " rules, written as `" + dir + " { ... }` blocks as in the AWS provider: `rule_no` (1 to 32766), " +
			"`action` (`allow` or `deny`), `protocol` (a number, `-1` or `all`, or `tcp`, `udp`, `icmp`, `ipv6-icmp`; read back as its number), `from_port` and `to_port` " +
			"(for TCP and UDP; write 0 otherwise), one of `cidr_block` and `ipv6_cidr_block`, and for ICMP `icmp_type` and `icmp_code`. " +
			"The `*` rule that denies what no rule matched is always there and not listed. " + leftOut,
		PlanModifiers: keepSetState,
	}
}

var networkACLKind = resourceKind[networkACLModel, cloud.NetworkACL]{
	kind: cloud.KindNetworkACL,
	schema: schema.Schema{
		MarkdownDescription: "A network ACL, with the arguments and attributes of `aws_network_acl`: numbered, stateless allow and deny rules " +
			"on the traffic in and out of the subnets associated with it.",
		Attributes: map[string]schema.Attribute{
			"arn":      computedID("The ACL's ARN."),
			"owner_id": computedID("The ID of the account that owns the ACL."),
			"vpc_id":   replacingReference(cloud.KindVPC, "The VPC of the ACL. Changing it replaces the ACL."),
			"subnet_ids": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				MarkdownDescription: "The subnets associated with the ACL, of its VPC. Associating a subnet replaces its association with another ACL; " +
					"a subnet taken out of the list, or left when the ACL is destroyed, goes back to its VPC's default ACL. " +
					"Leave it out to leave the associations unmanaged.",
				PlanModifiers: keepSetState,
			},
			"ingress": aclEntriesAttribute("ingress", "Leave `ingress` out to leave these rules unmanaged; write `ingress = []` to remove them all."),
			"egress":  aclEntriesAttribute("egress", "Leave `egress` out to leave these rules unmanaged; write `egress = []` to remove them all."),
		},
	},
	updateOp:    "ReplaceNetworkAclEntry",
	errorFields: map[string]string{"vpc_id": "vpc_id", "tags_all": "tags_all", "subnet_ids": "subnet_ids", "ingress": "ingress", "egress": "egress"},
	create: func(d *providerData, ctx context.Context, a applyStep[networkACLModel]) (cloud.NetworkACL, error) {
		in := networkACLInput(ctx, a.plan, a.config, a.tags, a.diags)
		return d.client.CreateNetworkACL(ctx, in)
	},
	get: cloud.Describe[cloud.NetworkACL],
	update: func(d *providerData, ctx context.Context, a applyStep[networkACLModel]) (cloud.NetworkACL, error) {
		in := networkACLInput(ctx, a.plan, a.config, a.tags, a.diags)
		return d.client.UpdateNetworkACL(ctx, a.plan.ID.ValueString(), in)
	},
	removeByID: (*cloud.Client).DeleteNetworkACL,
	check: func(ctx context.Context, d *providerData, p planStep[networkACLModel]) error {
		if p.state == nil {
			// A new ACL without rules or subnets configured has none.
			p.plan.noneWhereNotConfigured(ctx, p.config, p.diags, "ingress", "egress", "subnet_ids")
		}
		in := networkACLInput(ctx, p.plan, p.config, p.tags, p.diags)
		allProtocolsWithPorts(in.Entries, p.diags, func(spec cloud.NetworkACLEntrySpec) path.Path { return path.Root(direction(spec.Egress)) })
		stateID, change := "", unchanged
		if p.state != nil {
			// An ACL in place is always checked, so that its subnets are
			// claimed against the other resources of the plan.
			stateID, change = p.state.ID.ValueString(), changeOf(!p.plan.VPCID.Equal(p.state.VPCID), false)
		}
		// Terraform plans a replacement a second time as if it were new; the
		// key lets that planning skip the check the first one ran, which
		// would otherwise find the subnets claimed by the ACL itself.
		key := "simcloud_network_acl|" + in.VPCID + "|" + strings.Join(in.SubnetIDs, ",")
		description := "the simcloud_network_acl planned in this configuration in " + in.VPCID
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
			if change == replaced {
				selfID = ""
			}
			return d.client.CheckNetworkACL(ctx, d.plan, holder, selfID, in)
		})
	},
	fillReporting: func(m *networkACLModel, acl cloud.NetworkACL, diags *diag.Diagnostics) {
		m.ID = types.StringValue(acl.ID)
		m.readVPCObject(acl.ARN(), acl.OwnerID, acl.VPCID)
		var subnets []attr.Value
		for _, a := range acl.Associations {
			subnets = append(subnets, types.StringValue(a.SubnetID))
		}
		set, ds := types.SetValue(types.StringType, subnets)
		diags.Append(ds...)
		m.SubnetIDs = set
		m.Ingress = aclEntriesFromCloud(acl, false, m.Ingress, diags)
		m.Egress = aclEntriesFromCloud(acl, true, m.Egress, diags)
	},
	tagsOf: func(acl cloud.NetworkACL) map[string]string { return acl.Tags },
	advise: adviseOn(cloud.NetworkACLAdvice),
	// A VPC's default ACL is not imported, as the AWS provider refuses it:
	// destroying the resource could not delete it.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		acl, err := cloud.Describe[cloud.NetworkACL](d.client, ctx, req.ID)
		if err != nil {
			addCloudError(&resp.Diagnostics, "DescribeNetworkAcls", err)
			return
		}
		if acl.Default {
			resp.Diagnostics.AddError("Cannot import a default network ACL",
				fmt.Sprintf("%s is the default network ACL of %s; it goes only with its VPC, so simcloud_network_acl cannot manage it.", acl.ID, acl.VPCID))
			return
		}
		importAttributes(ctx, resp, nil, map[string]string{"id": acl.ID})
	},
}

// allProtocolsWithPorts refuses at plan, as the AWS provider does at apply,
// a rule for all protocols with ports other than 0: AWS stores no ports for
// it, so they would show as a change on every plan.
func allProtocolsWithPorts(specs []cloud.NetworkACLEntrySpec, diags *diag.Diagnostics, at func(cloud.NetworkACLEntrySpec) path.Path) {
	for _, spec := range specs {
		if spec.Protocol != cloud.AllProtocols && !strings.EqualFold(spec.Protocol, "all") {
			continue
		}
		from, to := 0, 0
		if spec.FromPort != nil {
			from = *spec.FromPort
		}
		if spec.ToPort != nil {
			to = *spec.ToPort
		}
		if from != 0 || to != 0 {
			diags.AddAttributeError(at(spec), "Ports on a rule for all protocols",
				fmt.Sprintf("to_port (%d) and from_port (%d) must both be 0 to use the 'all' \"-1\" protocol: rule %d of %s matches every port already.",
					to, from, spec.RuleNumber, direction(spec.Egress)))
		}
	}
}

func direction(egress bool) string {
	if egress {
		return "egress"
	}
	return "ingress"
}

// noneWhereNotConfigured plans no rules, or no subnets, for each of the
// attributes named that the configuration leaves out.
func (m *networkACLModel) noneWhereNotConfigured(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, names ...string) {
	for _, name := range names {
		if !configuredValue[types.Set](ctx, config, name, diags).IsNull() {
			continue
		}
		switch name {
		case "ingress":
			m.Ingress = types.SetValueMust(aclEntryType, nil)
		case "egress":
			m.Egress = types.SetValueMust(aclEntryType, nil)
		default:
			m.SubnetIDs = types.SetValueMust(types.StringType, nil)
		}
	}
}

// networkACLInput reads the desired configuration of an ACL; its rules of a
// direction, and its subnets, are managed when the configuration has them.
func networkACLInput(ctx context.Context, m *networkACLModel, config tfsdk.Config, tags map[string]string, diags *diag.Diagnostics) cloud.NetworkACLInput {
	in := cloud.NetworkACLInput{VPCID: plannedID(m.VPCID, cloud.KindVPC), Tags: tags}
	configured := func(name string) bool { return !configuredValue[types.Set](ctx, config, name, diags).IsNull() }
	in.ManageIngress, in.ManageEgress, in.ManageSubnets = configured("ingress"), configured("egress"), configured("subnet_ids")
	in.Entries = append(aclEntrySpecs(m.Ingress, false), aclEntrySpecs(m.Egress, true)...)
	if !m.SubnetIDs.IsUnknown() {
		for _, e := range m.SubnetIDs.Elements() {
			if s, ok := e.(types.String); ok {
				in.SubnetIDs = append(in.SubnetIDs, plannedID(s, cloud.KindSubnet))
			}
		}
	} else {
		in.ManageSubnets = false
	}
	return in
}

// aclEntrySpecs reads the rules of a set as the cloud takes them. Values
// known only after apply are cloud.Unknown, so that what is known of a rule
// (its number, its block, its share of the limit) is still checked at plan.
func aclEntrySpecs(set types.Set, egress bool) []cloud.NetworkACLEntrySpec {
	var specs []cloud.NetworkACLEntrySpec
	for _, element := range set.Elements() {
		if spec, ok := aclEntrySpec(element, egress); ok {
			specs = append(specs, spec)
		}
	}
	return specs
}

func aclEntrySpec(element attr.Value, egress bool) (cloud.NetworkACLEntrySpec, bool) {
	obj, ok := element.(types.Object)
	if !ok || obj.IsUnknown() || obj.IsNull() {
		return cloud.NetworkACLEntrySpec{}, false
	}
	spec := cloud.NetworkACLEntrySpec{Egress: egress}
	portsUnknown := false
	for key, value := range obj.Attributes() {
		if value.IsNull() {
			continue
		}
		switch v := value.(type) {
		case types.String:
			s := planned(v)
			switch key {
			case "action":
				spec.RuleAction = s
			case "protocol":
				spec.Protocol = s
			case "cidr_block":
				spec.CIDRBlock = s
			case "ipv6_cidr_block":
				spec.IPv6CIDRBlock = s
			}
		case types.Int64:
			if v.IsUnknown() {
				if key == "rule_no" {
					spec.NumberUnknown = true
				} else {
					portsUnknown = true
				}
				continue
			}
			n := int(v.ValueInt64())
			switch key {
			case "rule_no":
				spec.RuleNumber = n
			case "from_port":
				spec.FromPort = &n
			case "to_port":
				spec.ToPort = &n
			case "icmp_type":
				spec.ICMPType = &n
			case "icmp_code":
				spec.ICMPCode = &n
			}
		}
	}
	if portsUnknown {
		// Which ports or ICMP values a rule needs follows from its protocol,
		// so the pair is checked at apply, when both are known.
		spec.Protocol = cloud.Unknown
	}
	return spec, true
}

// aclEntriesFromCloud makes a direction's attribute from the ACL's rules,
// leaving out the "*" rules as the AWS provider does. A rule that the prior
// value (the plan, or the state) already holds in an equivalent spelling
// ("tcp" for "6", no ICMP code for 0) keeps that spelling, so that applying
// and refreshing show no difference where the cloud sees none.
func aclEntriesFromCloud(acl cloud.NetworkACL, egress bool, prior types.Set, diags *diag.Diagnostics) types.Set {
	var elements []attr.Value
	for _, e := range acl.Entries {
		if e.Egress != egress || e.RuleNumber == cloud.DefaultRuleNumber {
			continue
		}
		elements = append(elements, aclEntryValue(e, prior, diags))
	}
	set, ds := types.SetValue(aclEntryType, elements)
	diags.Append(ds...)
	return set
}

func aclEntryValue(e cloud.NetworkACLEntry, prior types.Set, diags *diag.Diagnostics) attr.Value {
	if !prior.IsNull() && !prior.IsUnknown() {
		for _, element := range prior.Elements() {
			spec, ok := aclEntrySpec(element, e.Egress)
			if !ok {
				continue
			}
			if normal, err := cloud.NormalizeNetworkACLEntry(e.NetworkACLID, spec); err == nil && cloud.SameNetworkACLEntry(normal, e) {
				return element
			}
		}
	}
	intOr := func(p *int, zero bool) types.Int64 {
		switch {
		case p != nil:
			return types.Int64Value(int64(*p))
		case zero:
			return types.Int64Value(0)
		}
		return types.Int64Null()
	}
	str := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	icmp := e.Protocol == "1" || e.Protocol == "58"
	obj, ds := types.ObjectValue(aclEntryType.AttrTypes, map[string]attr.Value{
		// The AWS provider reads a rule without ports as ports 0.
		"from_port": intOr(e.FromPort, true), "to_port": intOr(e.ToPort, true), "rule_no": types.Int64Value(int64(e.RuleNumber)),
		// The AWS provider records the protocol as its number, whatever the
		// configuration's spelling; an import shows "6" for "tcp".
		"action": types.StringValue(e.RuleAction), "protocol": types.StringValue(e.Protocol),
		"cidr_block": str(e.CIDRBlock), "ipv6_cidr_block": str(e.IPv6CIDRBlock),
		"icmp_type": intOr(e.ICMPType, icmp), "icmp_code": intOr(e.ICMPCode, icmp),
	})
	diags.Append(ds...)
	return obj
}
