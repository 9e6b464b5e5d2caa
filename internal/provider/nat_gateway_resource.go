package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type natGatewayModel struct {
	taggedObject
	natGatewayAttributes
	AllocationID  types.String `tfsdk:"allocation_id"`
	AssociationID types.String `tfsdk:"association_id"`
	// The secondary addresses of aws_nat_gateway: a gateway of the cloud
	// has one address, so they are accepted empty only.
	SecondaryAllocationIDs         types.Set   `tfsdk:"secondary_allocation_ids"`
	SecondaryPrivateIPAddresses    types.Set   `tfsdk:"secondary_private_ip_addresses"`
	SecondaryPrivateIPAddressCount types.Int64 `tfsdk:"secondary_private_ip_address_count"`
}

// secondaryArguments are the secondary-address arguments as
// cloud.CheckNATGatewaySecondaryArguments takes them.
func (m natGatewayModel) secondaryArguments(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) map[string]string {
	set := configuredArguments(ctx, config, diags, "secondary_private_ip_address_count")
	for name, v := range map[string]types.Set{"secondary_allocation_ids": configuredValue[types.Set](ctx, config, "secondary_allocation_ids", diags),
		"secondary_private_ip_addresses": configuredValue[types.Set](ctx, config, "secondary_private_ip_addresses", diags)} {
		switch {
		case v.IsUnknown():
			set[name] = cloud.Unknown
		case len(v.Elements()) > 0:
			set[name] = v.String()
		}
	}
	return set
}

// natGatewayAttributes are what the simcloud_nat_gateway resource and data
// source both read from a gateway.
type natGatewayAttributes struct {
	SubnetID           types.String `tfsdk:"subnet_id"`
	ConnectivityType   types.String `tfsdk:"connectivity_type"`
	PublicIP           types.String `tfsdk:"public_ip"`
	PrivateIP          types.String `tfsdk:"private_ip"`
	NetworkInterfaceID types.String `tfsdk:"network_interface_id"`
}

func (a *natGatewayAttributes) read(nat cloud.NATGateway) {
	a.SubnetID, a.ConnectivityType = types.StringValue(nat.SubnetID), types.StringValue(nat.ConnectivityType)
	a.PublicIP, a.PrivateIP = types.StringValue(nat.PublicIP), types.StringValue(nat.PrivateIP)
	a.NetworkInterfaceID = types.StringValue(nat.NetworkInterfaceID)
}

func (m natGatewayModel) input(ctx context.Context, diags *diag.Diagnostics) cloud.NATGatewayInput {
	return cloud.NATGatewayInput{SubnetID: m.SubnetID.ValueString(), AllocationID: m.AllocationID.ValueString(),
		ConnectivityType: m.ConnectivityType.ValueString(), PrivateIP: m.PrivateIP.ValueString(), Tags: stringMap(ctx, m.TagsAll, diags)}
}

var natGatewayKind = resourceKind[natGatewayModel, cloud.NATGateway]{
	kind: cloud.KindNATGateway,
	schema: schema.Schema{
		MarkdownDescription: "A NAT gateway, with the arguments and attributes of `aws_nat_gateway`: it lets instances of private subnets open " +
			"connections out, and lets no connection in.",
		Attributes: map[string]schema.Attribute{
			"subnet_id": replacingReference(cloud.KindSubnet, "The subnet the gateway sits in: for a public gateway, a public subnet. Changing it replaces the gateway."),
			"allocation_id": schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{idCheck(cloud.KindElasticIP)},
				PlanModifiers: []planmodifier.String{emptyStringWhenUnset{"an empty string when left out"}, stringplanmodifier.RequiresReplace()},
				MarkdownDescription: "The elastic IP of a public gateway (required there, refused for a private one); an empty string when left out, as in AWS. " +
					"Changing it replaces the gateway."},
			"connectivity_type": defaultedReplacing(cloud.ConnectivityPublic, "`public` (default) or `private`. Changing it replaces the gateway."),
			"association_id":    computedID("The ID of the elastic IP's association with the gateway, or an empty string."),
			"public_ip":         computedID("The gateway's public address, or an empty string for a private one."),
			"private_ip": optionalComputedReplacing("The gateway's address in its subnet. Given, it must be an address of the subnet's block, none of the five AWS "+
				"reserves, and held by no interface or gateway, else the plan fails (`InvalidParameterValue`, `InvalidIPAddress.InUse`); left out, the first address "+
				"AWS does not reserve and nothing holds. Changing it replaces the gateway.", cloudCheck(validIPv4)),
			"secondary_allocation_ids": schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, PlanModifiers: keepSetState,
				MarkdownDescription: "More elastic IPs of a public gateway. " + oneAddress},
			"secondary_private_ip_addresses": schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, PlanModifiers: keepSetState,
				MarkdownDescription: "More private addresses of the gateway. Conflicts with `secondary_private_ip_address_count`. " + oneAddress},
			"secondary_private_ip_address_count": schema.Int64Attribute{Optional: true, Computed: true, PlanModifiers: keepInt64StateReplaceOnChange,
				MarkdownDescription: "How many more private addresses a private gateway takes; refused for a public one (`InvalidParameterCombination`), as in the AWS provider. " +
					"Conflicts with `secondary_private_ip_addresses`. Reads 0. " + oneAddress},
			"network_interface_id": computedID("The ID of the gateway's network interface."),
		},
	},
	configValidators: []resource.ConfigValidator{
		argumentChoice(false, "secondary_private_ip_addresses", "secondary_private_ip_address_count"),
	},
	create: func(d *providerData, ctx context.Context, a applyStep[natGatewayModel]) (cloud.NATGateway, error) {
		// Arguments unknown at plan are known now.
		if err := cloud.CheckNATGatewaySecondaryArguments(a.plan.ConnectivityType.ValueString(), a.plan.secondaryArguments(ctx, a.config, a.diags)); err != nil {
			return cloud.NATGateway{}, err
		}
		in := a.plan.input(ctx, a.diags)
		in.Tags = a.tags
		return d.client.CreateNATGateway(ctx, in)
	},
	get:        (*cloud.Client).NATGateway,
	setTags:    (*cloud.Client).UpdateNATGateway,
	removeByID: (*cloud.Client).DeleteNATGateway,
	check: func(ctx context.Context, d *providerData, p planStep[natGatewayModel]) error {
		if err := cloud.CheckNATGatewaySecondaryArguments(planned(p.plan.ConnectivityType), p.plan.secondaryArguments(ctx, p.config, p.diags)); err != nil {
			return err
		}
		// A gateway configured without secondary addresses has none, known
		// at plan. One given a value known only after apply keeps it
		// unknown, as Terraform holds the plan to the configuration; the
		// create checks it then.
		for name, v := range map[string]*types.Set{"secondary_allocation_ids": &p.plan.SecondaryAllocationIDs,
			"secondary_private_ip_addresses": &p.plan.SecondaryPrivateIPAddresses} {
			if v.IsNull() || v.IsUnknown() && configuredValue[types.Set](ctx, p.config, name, p.diags).IsNull() {
				*v = types.SetValueMust(types.StringType, nil)
			}
		}
		if p.plan.SecondaryPrivateIPAddressCount.IsUnknown() &&
			configuredValue[types.Int64](ctx, p.config, "secondary_private_ip_address_count", p.diags).IsNull() {
			p.plan.SecondaryPrivateIPAddressCount = types.Int64Value(0)
		}
		replacing := p.state != nil && (!p.plan.SubnetID.Equal(p.state.SubnetID) || !p.plan.AllocationID.Equal(p.state.AllocationID) ||
			!p.plan.ConnectivityType.Equal(p.state.ConnectivityType) || !p.plan.PrivateIP.Equal(p.state.PrivateIP))
		// Left out, the address of a replacement is the cloud's to choose
		// again, not the one it replaces.
		if replacing && configuredValue[types.String](ctx, p.config, "private_ip", p.diags).IsNull() {
			p.plan.PrivateIP = types.StringUnknown()
		}
		in := cloud.NATGatewayInput{
			SubnetID: plannedID(p.plan.SubnetID, cloud.KindSubnet), AllocationID: plannedID(p.plan.AllocationID, cloud.KindElasticIP),
			ConnectivityType: planned(p.plan.ConnectivityType), PrivateIP: planned(p.plan.PrivateIP), Tags: p.tags,
		}
		stateID, change := "", unchanged
		if state := p.state; state != nil {
			stateID = state.ID.ValueString()
			change = changeOf(replacing, reflect.DeepEqual(in, state.input(ctx, p.diags)))
		}
		key := strings.Join([]string{"simcloud_nat_gateway", in.SubnetID, in.AllocationID, in.ConnectivityType}, "|")
		description := fmt.Sprintf("the simcloud_nat_gateway planned in this configuration for subnet %s", in.SubnetID)
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
			return d.client.CheckNATGateway(ctx, d.plan, holder, in, selfID)
		})
	},
	fill: func(m *natGatewayModel, nat cloud.NATGateway) {
		m.ID = types.StringValue(nat.ID)
		m.read(nat)
		m.AllocationID, m.AssociationID = types.StringValue(nat.AllocationID), types.StringValue(nat.AssociationID)
		m.SecondaryAllocationIDs, m.SecondaryPrivateIPAddresses = types.SetValueMust(types.StringType, nil), types.SetValueMust(types.StringType, nil)
		m.SecondaryPrivateIPAddressCount = types.Int64Value(0)
	},
	tagsOf: func(nat cloud.NATGateway) map[string]string { return nat.Tags },
}

// oneAddress says, of each secondary-address argument of aws_nat_gateway,
// what happens to it.
const oneAddress = "NAT gateways of the simulated cloud have one address each: given one, it fails at plan with `UnsupportedOperation`; " +
	"left out, it reads empty."
