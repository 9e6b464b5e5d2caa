package provider

import (
	"context"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkInterfaceModel struct {
	taggedObject
	SubnetID         types.String `tfsdk:"subnet_id"`
	Description      types.String `tfsdk:"description"`
	InterfaceType    types.String `tfsdk:"interface_type"`
	PrivateIP        types.String `tfsdk:"private_ip"`
	PrivateIPs       types.Set    `tfsdk:"private_ips"`
	PrivateIPsCount  types.Int64  `tfsdk:"private_ips_count"`
	IPv6Addresses    types.Set    `tfsdk:"ipv6_addresses"`
	IPv6AddressCount types.Int64  `tfsdk:"ipv6_address_count"`
	SecurityGroups   types.Set    `tfsdk:"security_groups"`
	SourceDestCheck  types.Bool   `tfsdk:"source_dest_check"`
	Attachment       types.Set    `tfsdk:"attachment"`
	ARN              types.String `tfsdk:"arn"`
	MACAddress       types.String `tfsdk:"mac_address"`
	OwnerID          types.String `tfsdk:"owner_id"`
	PrivateDNSName   types.String `tfsdk:"private_dns_name"`
	OutpostARN       types.String `tfsdk:"outpost_arn"`
}

var interfaceAttachmentType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"attachment_id": types.StringType, "device_index": types.Int64Type, "instance": types.StringType}}

// input is what the plan asks of the interface, values known only after
// apply as the cloud's checks take them.
func (m *networkInterfaceModel) input(ctx context.Context, config tfsdk.Config, tags map[string]string, diags *diag.Diagnostics) cloud.NetworkInterfaceInput {
	in := cloud.NetworkInterfaceInput{SubnetID: plannedID(m.SubnetID, cloud.KindSubnet), Description: m.Description.ValueString(),
		InterfaceType: known(m.InterfaceType), SourceDestCheck: m.SourceDestCheck.ValueBool(), Tags: tags,
		SecurityGroupIDs: plannedIDSet(ctx, config, "security_groups", m.SecurityGroups, cloud.KindSecurityGroup, diags)}
	if ip := known(m.PrivateIP); ip != "" || m.PrivateIP.IsUnknown() && !configuredValue[types.String](ctx, config, "private_ip", diags).IsNull() {
		in.PrivateIPs = []string{planned(m.PrivateIP)}
	}
	if !m.PrivateIPs.IsUnknown() {
		for _, e := range m.PrivateIPs.Elements() {
			if s, ok := e.(types.String); ok && !slices.Contains(in.PrivateIPs, planned(s)) {
				in.PrivateIPs = append(in.PrivateIPs, planned(s))
			}
		}
	}
	if !m.PrivateIPsCount.IsUnknown() {
		in.SecondaryPrivateIPCount = m.PrivateIPsCount.ValueInt64()
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

func computedSetArgument(description string, validators ...validator.Set) schema.SetAttribute {
	return schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, MarkdownDescription: description,
		PlanModifiers: keepSetState, Validators: validators}
}

// computedReplacingSet and computedReplacingInt are addresses (or their
// count) that the cloud chooses when left out: changing them replaces the
// object.
func computedReplacingSet(description string, validators ...validator.Set) schema.SetAttribute {
	return schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, MarkdownDescription: description,
		PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown(), setplanmodifier.RequiresReplace()}, Validators: validators}
}

func computedReplacingInt(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Computed: true, MarkdownDescription: description,
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace()}}
}

// attachmentRefused refuses aws_network_interface's attachment block,
// naming the resource that attaches interfaces here.
type attachmentRefused struct{ plainDescription }

func (attachmentRefused) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || len(req.ConfigValue.Elements()) == 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "attachment blocks are not supported",
		"simcloud_network_interface does not attach interfaces to instances. Remove the attachment block and write a "+
			"simcloud_network_interface_attachment resource (instance_id, network_interface_id, device_index) instead, as the AWS "+
			"provider also recommends for attachments managed on their own.")
}

// validIPv4 accepts an IPv4 address in dotted form.
func validIPv4(s string) error {
	if addr, err := netip.ParseAddr(s); err != nil || !addr.Is4() {
		return fmt.Errorf("%q is no IPv4 address: write one such as 10.0.1.10", s)
	}
	return nil
}

// interfaceTypeCheck checks interface_type against the values AWS takes.
func interfaceTypeCheck() validator.String {
	return cloudCheck(func(s string) error {
		if slices.Contains(cloud.InterfaceTypes, s) {
			return nil
		}
		return fmt.Errorf("interface_type %q is none of %s", s, strings.Join(cloud.InterfaceTypes, ", "))
	})
}

var networkInterfaceKind = resourceKind[networkInterfaceModel, cloud.NetworkInterface]{
	kind:     cloud.KindNetworkInterface,
	updateOp: "ModifyNetworkInterfaceAttribute",
	errorFields: map[string]string{"subnet_id": "subnet_id", "security_groups": "security_groups", "private_ip": "private_ip",
		"private_ips": "private_ips", "ipv6_addresses": "ipv6_addresses", "ipv6_address_count": "ipv6_address_count", "interface_type": "interface_type"},
	schema: schema.Schema{
		MarkdownDescription: "An elastic network interface, with the arguments and attributes of `aws_network_interface`: private addresses of its subnet, " +
			"IPv6 addresses, security groups and a source/destination check. Attach it to an instance with `simcloud_network_interface_attachment`.",
		Attributes: map[string]schema.Attribute{
			"subnet_id":   replacingReference(cloud.KindSubnet, "The subnet the interface is in. Changing it replaces the interface."),
			"description": optionalArgument("A description of the interface. Changed in place."),
			"interface_type": optionalComputedReplacing("`efa`, `efa-only`, `branch` or `trunk`; left out, an ordinary interface (`interface`). Changing it replaces the interface.",
				interfaceTypeCheck()),
			"private_ip": optionalComputedReplacing("The primary private IPv4 address: one of the subnet's, not one of the five AWS keeps, not in use. "+
				"Left out, the first free address. Changing it replaces the interface.", cloudCheck(validIPv4)),
			"private_ips": computedReplacingSet("Every private IPv4 address of the interface, the primary one included. " +
				"Changing them replaces the interface in the simulated cloud (AWS assigns secondary addresses in place)."),
			"private_ips_count": computedReplacingInt("How many secondary private addresses the interface has (the cloud chooses those not listed in `private_ips`). " +
				"Changing it replaces the interface."),
			"ipv6_addresses": computedReplacingSet("IPv6 addresses of the subnet's IPv6 block. Conflicts with `ipv6_address_count`. Changing them replaces the interface."),
			"ipv6_address_count": computedReplacingInt("How many IPv6 addresses the cloud gives the interface from the subnet's IPv6 block. " +
				"Conflicts with `ipv6_addresses`. Changing it replaces the interface."),
			"security_groups":   computedSetArgument("At most 5 security groups of the subnet's VPC; the VPC's default group when left out. Changed in place."),
			"source_dest_check": optionalBool(true, "Whether traffic must be to or from the interface's own addresses (`true`, default); `false` for a NAT or firewall appliance."),
			"arn":               computedID("The interface's ARN."),
			"mac_address":       computedID("The interface's MAC address."),
			"owner_id":          computedID("The ID of the account that owns the interface."),
			"private_dns_name":  computedID("The private DNS name of the primary address."),
			"outpost_arn":       computedID("The Outpost's ARN: always empty, as the simulated cloud has no Outposts."),
		},
		Blocks: map[string]schema.Block{
			// AWS's attachment block, accepted by the schema so that a ported
			// configuration gets a refusal that says what to write instead.
			"attachment": schema.SetNestedBlock{
				MarkdownDescription: "Refused: attach an interface to an instance with `simcloud_network_interface_attachment` " +
					"(`instance_id`, `network_interface_id`, `device_index`). An instance's own interface is made with it.",
				Validators: []validator.Set{attachmentRefused{"no attachment block: use simcloud_network_interface_attachment"}},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"instance":      schema.StringAttribute{Required: true, MarkdownDescription: "The instance's ID."},
					"device_index":  schema.Int64Attribute{Required: true, MarkdownDescription: "The interface's device index on the instance."},
					"attachment_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The attachment's ID."},
				}},
			},
		},
	},
	configValidators: []resource.ConfigValidator{
		argumentChoice(false, "ipv6_addresses", "ipv6_address_count"),
	},
	create: func(d *providerData, ctx context.Context, a applyStep[networkInterfaceModel]) (cloud.NetworkInterface, error) {
		return d.client.CreateNetworkInterface(ctx, a.plan.input(ctx, a.config, a.tags, a.diags))
	},
	update: func(d *providerData, ctx context.Context, a applyStep[networkInterfaceModel]) (cloud.NetworkInterface, error) {
		return d.client.UpdateNetworkInterface(ctx, a.plan.ID.ValueString(), a.plan.input(ctx, a.config, a.tags, a.diags))
	},
	get:        (*cloud.Client).NetworkInterface,
	removeByID: (*cloud.Client).DeleteNetworkInterface,
	check: func(ctx context.Context, d *providerData, p planStep[networkInterfaceModel]) error {
		in := p.plan.input(ctx, p.config, p.tags, p.diags)
		stateID, change := "", unchanged
		if state := p.state; state != nil {
			stateID = state.ID.ValueString()
			replacing := !p.plan.SubnetID.Equal(state.SubnetID) || !p.plan.PrivateIP.Equal(state.PrivateIP) || !p.plan.InterfaceType.Equal(state.InterfaceType) ||
				!p.plan.PrivateIPs.Equal(state.PrivateIPs) || !p.plan.PrivateIPsCount.Equal(state.PrivateIPsCount) ||
				!p.plan.IPv6Addresses.Equal(state.IPv6Addresses) || !p.plan.IPv6AddressCount.Equal(state.IPv6AddressCount)
			change = changeOf(replacing, reflect.DeepEqual(in, state.input(ctx, p.config, p.tags, p.diags)))
		}
		key := strings.Join([]string{"simcloud_network_interface", in.SubnetID, strings.Join(in.PrivateIPs, ",")}, "|")
		description := fmt.Sprintf("the simcloud_network_interface planned in this configuration in subnet %s", in.SubnetID)
		if len(in.PrivateIPs) > 0 {
			description += " with private_ip " + in.PrivateIPs[0]
		}
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
			return d.client.CheckNetworkInterface(ctx, d.plan, holder, in, selfID)
		})
	},
	fillReporting: func(m *networkInterfaceModel, n cloud.NetworkInterface, diags *diag.Diagnostics) {
		m.ID, m.SubnetID = types.StringValue(n.ID), types.StringValue(n.SubnetID)
		m.Description = optionalFromCloud(m.Description, n.Description)
		m.InterfaceType, m.PrivateIP = types.StringValue(n.InterfaceType), types.StringValue(n.PrivateIP)
		m.PrivateIPs, m.PrivateIPsCount = setOfStrings(n.PrivateIPs, diags), types.Int64Value(int64(len(n.PrivateIPs)-1))
		m.IPv6Addresses, m.IPv6AddressCount = setOfStrings(n.IPv6Addresses, diags), types.Int64Value(int64(len(n.IPv6Addresses)))
		m.SecurityGroups, m.SourceDestCheck = setOfStrings(n.SecurityGroupIDs, diags), types.BoolValue(n.SourceDestCheck)
		m.ARN, m.MACAddress, m.OwnerID = types.StringValue(n.ARN()), types.StringValue(n.MACAddress), types.StringValue(n.OwnerID)
		m.PrivateDNSName, m.OutpostARN = types.StringValue(cloud.PrivateDNSName(n.Region, n.PrivateIP)), types.StringValue("")
		// The block is refused when configured: state keeps none.
		m.Attachment = types.SetValueMust(interfaceAttachmentType, nil)
	},
	tagsOf: func(n cloud.NetworkInterface) map[string]string { return n.Tags },
}
