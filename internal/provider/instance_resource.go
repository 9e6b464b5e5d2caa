package provider

import (
	"context"
	"encoding/base64"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type instanceModel struct {
	taggedObject
	AMI                       types.String `tfsdk:"ami"`
	InstanceType              types.String `tfsdk:"instance_type"`
	SubnetID                  types.String `tfsdk:"subnet_id"`
	AvailabilityZone          types.String `tfsdk:"availability_zone"`
	PrivateIP                 types.String `tfsdk:"private_ip"`
	AssociatePublicIPAddress  types.Bool   `tfsdk:"associate_public_ip_address"`
	VPCSecurityGroupIDs       types.Set    `tfsdk:"vpc_security_group_ids"`
	SecurityGroups            types.Set    `tfsdk:"security_groups"`
	IPv6Addresses             types.Set    `tfsdk:"ipv6_addresses"`
	IPv6AddressCount          types.Int64  `tfsdk:"ipv6_address_count"`
	SourceDestCheck           types.Bool   `tfsdk:"source_dest_check"`
	KeyName                   types.String `tfsdk:"key_name"`
	UserData                  types.String `tfsdk:"user_data"`
	UserDataBase64            types.String `tfsdk:"user_data_base64"`
	UserDataReplaceOnChange   types.Bool   `tfsdk:"user_data_replace_on_change"`
	VolumeTags                types.Map    `tfsdk:"volume_tags"`
	ARN                       types.String `tfsdk:"arn"`
	InstanceState             types.String `tfsdk:"instance_state"`
	PrimaryNetworkInterfaceID types.String `tfsdk:"primary_network_interface_id"`
	PrivateDNS                types.String `tfsdk:"private_dns"`
	PublicDNS                 types.String `tfsdk:"public_dns"`
	PublicIP                  types.String `tfsdk:"public_ip"`
	OutpostARN                types.String `tfsdk:"outpost_arn"`
}

// input is what the plan asks of the instance, values known only after
// apply as the cloud's checks take them.
func (m *instanceModel) input(ctx context.Context, config tfsdk.Config, tags map[string]string, diags *diag.Diagnostics) cloud.InstanceInput {
	in := cloud.InstanceInput{AMI: planned(m.AMI), InstanceType: planned(m.InstanceType), SourceDestCheck: m.SourceDestCheck.ValueBool(),
		KeyName: known(m.KeyName), UserData: known(m.UserData), UserDataBase64: known(m.UserDataBase64), Tags: tags,
		SecurityGroupIDs:   plannedIDSet(ctx, config, "vpc_security_group_ids", m.VPCSecurityGroupIDs, cloud.KindSecurityGroup, diags),
		SecurityGroupNames: plannedNames(ctx, config, "security_groups", m.SecurityGroups, diags)}
	// Names are the instance's groups read back: only a configured list is
	// asked of the cloud.
	if configuredValue[types.Set](ctx, config, "security_groups", diags).IsNull() {
		in.SecurityGroupNames = nil
	}
	in.SubnetID = configuredOrKnownID(ctx, config, "subnet_id", m.SubnetID, cloud.KindSubnet, diags)
	in.AvailabilityZone = configuredOrKnownID(ctx, config, "availability_zone", m.AvailabilityZone, cloud.Kind{}, diags)
	in.PrivateIP = configuredOrKnownID(ctx, config, "private_ip", m.PrivateIP, cloud.Kind{}, diags)
	if !m.AssociatePublicIPAddress.IsUnknown() && !m.AssociatePublicIPAddress.IsNull() {
		v := m.AssociatePublicIPAddress.ValueBool()
		in.AssociatePublicIPAddress = &v
	}
	if !m.IPv6Addresses.IsUnknown() {
		for _, e := range m.IPv6Addresses.Elements() {
			if s, ok := e.(types.String); ok {
				in.IPv6Addresses = append(in.IPv6Addresses, planned(s))
			}
		}
	}
	if !m.IPv6AddressCount.IsUnknown() {
		in.IPv6AddressCount = m.IPv6AddressCount.ValueInt64()
	}
	return in
}

// configuredOrKnownID is a computed argument as the cloud's checks take it:
// its value when known, "" when left out for the cloud to choose, Unknown
// when configured with a value known only after apply.
func configuredOrKnownID(ctx context.Context, config tfsdk.Config, name string, v types.String, kind cloud.Kind, diags *diag.Diagnostics) string {
	if !v.IsUnknown() {
		return v.ValueString()
	}
	if configuredValue[types.String](ctx, config, name, diags).IsNull() {
		return ""
	}
	if kind.Prefix != "" {
		return cloud.UnknownID(kind)
	}
	return cloud.Unknown
}

// plannedNames reads a set of names: none when left out and not known yet.
func plannedNames(ctx context.Context, config tfsdk.Config, name string, set types.Set, diags *diag.Diagnostics) []string {
	if set.IsUnknown() {
		if configuredValue[types.Set](ctx, config, name, diags).IsNull() {
			return nil
		}
		return []string{cloud.Unknown}
	}
	var names []string
	for _, e := range set.Elements() {
		if s, ok := e.(types.String); ok {
			names = append(names, planned(s))
		}
	}
	return names
}

// userDataReplaces replaces the instance when its user data changes and
// user_data_replace_on_change is true, as the AWS provider does; otherwise
// the user data changes in place.
type userDataReplaces struct{ plainDescription }

func (userDataReplaces) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || req.PlanValue.Equal(req.StateValue) {
		return
	}
	var replace types.Bool
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("user_data_replace_on_change"), &replace)...)
	resp.RequiresReplace = replace.ValueBool()
}

// groupNamesFollowIDs plans security_groups: configured, a change replaces
// the instance; left out, it is the names of vpc_security_group_ids, known
// again after apply when those change.
type groupNamesFollowIDs struct{ plainDescription }

func (groupNamesFollowIDs) PlanModifySet(ctx context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	if !req.ConfigValue.IsNull() {
		resp.RequiresReplace = !req.PlanValue.Equal(req.StateValue)
		return
	}
	var planned, prior types.Set
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("vpc_security_group_ids"), &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("vpc_security_group_ids"), &prior)...)
	if planned.Equal(prior) {
		resp.PlanValue = req.StateValue
	}
}

func validBase64(s string) error {
	if _, err := base64.StdEncoding.DecodeString(s); err != nil {
		return fmt.Errorf("user_data_base64 is no base64: %v", err)
	}
	return nil
}

var instanceKind = resourceKind[instanceModel, cloud.Instance]{
	kind:     cloud.KindInstance,
	updateOp: "ModifyInstanceAttribute",
	errorFields: map[string]string{"ami": "ami", "instance_type": "instance_type", "subnet_id": "subnet_id", "availability_zone": "availability_zone",
		"private_ip": "private_ip", "vpc_security_group_ids": "vpc_security_group_ids", "security_groups": "security_groups",
		"ipv6_addresses": "ipv6_addresses", "ipv6_address_count": "ipv6_address_count", "user_data": "user_data"},
	schema: schema.Schema{
		MarkdownDescription: "An EC2 instance as the network sees it, with the arguments and attributes of `aws_instance`: its primary network interface " +
			"(made and deleted with it) carries its addresses and security groups. Nothing runs: the image and type are checked and kept.",
		Attributes: map[string]schema.Attribute{
			"ami": requiredReplacing("The image's ID: `ami-` and 8 or 17 lowercase hexadecimal digits. The simulated cloud checks its shape, not its existence. "+
				"Changing it replaces the instance.", cloudCheck(func(s string) error { return cloud.ValidateAMIID(s, "ami") })),
			"instance_type": requiredArgument("A current instance type, such as `t3.micro`. Changed in place (AWS stops and starts the instance).",
				cloudCheck(func(s string) error { return cloud.ValidateInstanceType(s, "instance_type") })),
			"subnet_id": optionalComputedReplacing("The subnet to launch in. Left out, the default VPC's subnet in `availability_zone` (the region's first zone "+
				"by default), as AWS does. Changing it replaces the instance.", idCheck(cloud.KindSubnet)),
			"availability_zone": optionalComputedReplacing("The zone: the subnet's, or, without `subnet_id`, the zone whose default subnet the " +
				"instance launches in. Changing it replaces the instance."),
			"private_ip": optionalComputedReplacing("The primary private IPv4 address: one of the subnet's, not one of the five AWS keeps, not in use. "+
				"Left out, the first free address. Changing it replaces the instance.", cloudCheck(validIPv4)),
			"associate_public_ip_address": schema.BoolAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Whether the instance gets a public IPv4 address from the simulated public pool; left out, the subnet's " +
					"`map_public_ip_on_launch`. Changing it replaces the instance.",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()}},
			"vpc_security_group_ids": computedSetArgument("At most 5 security groups of the subnet's VPC; the VPC's default group when left out. Changed in place."),
			"security_groups": schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "The names of the instance's security groups; as input, for the default VPC only (AWS refuses names with a " +
					"subnet of another VPC: use `vpc_security_group_ids`). Changing it replaces the instance.",
				PlanModifiers: []planmodifier.Set{groupNamesFollowIDs{"follows vpc_security_group_ids; replaces the instance when configured and changed"}}},
			"ipv6_addresses":     computedReplacingSet("IPv6 addresses of the subnet's IPv6 block. Changing them replaces the instance."),
			"ipv6_address_count": computedReplacingInt("How many IPv6 addresses the cloud gives the instance. Changing it replaces the instance."),
			"source_dest_check":  optionalBool(true, "Whether traffic must be to or from the instance's own addresses (`true`, default); `false` for a NAT instance."),
			"key_name": optionalComputedReplacing("The name of a key pair of the account and region (`simcloud_key_pair`): one that neither exists nor is imported " +
				"by the same plan fails at plan with `InvalidKeyPair.NotFound`, as RunInstances does. Changing it replaces the instance."),
			"user_data": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "User data, at most 16 KB, kept as given (the AWS provider keeps its SHA-1 in state; a framework provider cannot). " +
					"Changed in place unless `user_data_replace_on_change`. Conflicts with `user_data_base64`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), userDataReplaces{"replaces the instance when user_data_replace_on_change is true"}}},
			"user_data_base64": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "User data, base64-encoded, for data that is not UTF-8. Conflicts with `user_data`.",
				Validators:          []validator.String{cloudCheck(validBase64)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), userDataReplaces{"replaces the instance when user_data_replace_on_change is true"}}},
			"user_data_replace_on_change": optionalBool(false, "Whether a change of the user data replaces the instance (`false`, default: changed in place)."),
			"volume_tags": schema.MapAttribute{ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Tags for the instance's volumes, kept as given: the simulated cloud has no volumes."},
			"arn":                          computedID("The instance's ARN."),
			"instance_state":               computedValue("`running`: a simulated instance runs from launch until it is terminated."),
			"primary_network_interface_id": computedID("The ID of the instance's primary network interface (device index 0)."),
			"private_dns":                  computedID("The private DNS name of the primary address."),
			"public_dns":                   computedValue("The public DNS name, empty without a public address or where the VPC has no DNS hostnames."),
			"public_ip":                    computedValue("The public IPv4 address: the one assigned at launch, or an associated elastic IP's."),
			"outpost_arn":                  computedID("The Outpost's ARN: always empty, as the simulated cloud has no Outposts."),
		},
	},
	configValidators: []resource.ConfigValidator{
		argumentChoice(false, "ipv6_addresses", "ipv6_address_count"),
		argumentChoice(false, "user_data", "user_data_base64"),
	},
	create: func(d *providerData, ctx context.Context, a applyStep[instanceModel]) (cloud.Instance, error) {
		return d.client.RunInstance(ctx, a.plan.input(ctx, a.config, a.tags, a.diags))
	},
	update: func(d *providerData, ctx context.Context, a applyStep[instanceModel]) (cloud.Instance, error) {
		return d.client.UpdateInstance(ctx, a.plan.ID.ValueString(), a.plan.input(ctx, a.config, a.tags, a.diags))
	},
	get:        (*cloud.Client).Instance,
	removeByID: (*cloud.Client).TerminateInstance,
	check: func(ctx context.Context, d *providerData, p planStep[instanceModel]) error {
		in := p.plan.input(ctx, p.config, p.tags, p.diags)
		stateID, change := "", unchanged
		if state := p.state; state != nil {
			stateID = state.ID.ValueString()
			replacing := !p.plan.AMI.Equal(state.AMI) || !p.plan.SubnetID.Equal(state.SubnetID) || !p.plan.PrivateIP.Equal(state.PrivateIP) ||
				!p.plan.AvailabilityZone.Equal(state.AvailabilityZone) || !p.plan.KeyName.Equal(state.KeyName) ||
				!p.plan.AssociatePublicIPAddress.Equal(state.AssociatePublicIPAddress) || !p.plan.SecurityGroups.Equal(state.SecurityGroups) ||
				!p.plan.IPv6Addresses.Equal(state.IPv6Addresses) || !p.plan.IPv6AddressCount.Equal(state.IPv6AddressCount)
			change = changeOf(replacing, reflect.DeepEqual(in, state.input(ctx, p.config, p.tags, p.diags)))
		}
		key := strings.Join([]string{"simcloud_instance", in.SubnetID, in.PrivateIP}, "|")
		description := fmt.Sprintf("the simcloud_instance planned in this configuration in subnet %s", cmpOr(in.SubnetID, "of the default VPC"))
		if in.PrivateIP != "" {
			description = fmt.Sprintf("the simcloud_instance planned with private_ip %s", in.PrivateIP)
		}
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
			return d.client.CheckInstance(ctx, d.plan, holder, in, selfID)
		})
	},
	fillReporting: func(m *instanceModel, i cloud.Instance, diags *diag.Diagnostics) {
		m.ID, m.AMI, m.InstanceType = types.StringValue(i.ID), types.StringValue(i.AMI), types.StringValue(i.InstanceType)
		m.SubnetID, m.AvailabilityZone, m.PrivateIP = types.StringValue(i.SubnetID), types.StringValue(i.AvailabilityZone), types.StringValue(i.PrivateIP)
		if m.AssociatePublicIPAddress.IsNull() || m.AssociatePublicIPAddress.IsUnknown() {
			m.AssociatePublicIPAddress = types.BoolValue(i.PublicIP != "")
		}
		m.VPCSecurityGroupIDs, m.SecurityGroups = setOfStrings(i.SecurityGroupIDs, diags), setOfStrings(i.SecurityGroupNames, diags)
		m.IPv6Addresses, m.IPv6AddressCount = setOfStrings(i.IPv6Addresses, diags), types.Int64Value(int64(len(i.IPv6Addresses)))
		m.SourceDestCheck, m.KeyName = types.BoolValue(i.SourceDestCheck), types.StringValue(i.KeyName)
		m.UserData, m.UserDataBase64 = types.StringValue(i.UserData), types.StringValue(i.UserDataBase64)
		m.UserDataReplaceOnChange = providerFlag(m.UserDataReplaceOnChange)
		if m.VolumeTags.IsUnknown() {
			m.VolumeTags = types.MapNull(types.StringType)
		}
		m.ARN, m.InstanceState, m.PrimaryNetworkInterfaceID = types.StringValue(i.ARN()), types.StringValue(i.State), types.StringValue(i.PrimaryNetworkInterfaceID)
		m.PrivateDNS, m.PublicDNS, m.PublicIP = types.StringValue(i.PrivateDNS()), types.StringValue(i.PublicDNS()), types.StringValue(i.PublicIP)
		m.OutpostARN = types.StringValue("")
	},
	tagsOf: func(i cloud.Instance) map[string]string { return i.Tags },
}

func cmpOr(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}
