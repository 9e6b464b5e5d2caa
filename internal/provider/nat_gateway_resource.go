package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type natGatewayModel struct {
	taggedObject
	natGatewayAttributes
	// The resource's allocation_id is an argument, null when unset; the
	// data source's, an empty string.
	AllocationID  types.String `tfsdk:"allocation_id"`
	AssociationID types.String `tfsdk:"association_id"`
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
		ConnectivityType: m.ConnectivityType.ValueString(), Tags: stringMap(ctx, m.TagsAll, diags)}
}

var natGatewayKind = resourceKind[natGatewayModel, cloud.NATGateway]{
	kind: cloud.KindNATGateway,
	schema: schema.Schema{
		MarkdownDescription: "A NAT gateway, with the arguments and attributes of `aws_nat_gateway`: it lets instances of private subnets open " +
			"connections out, and lets no connection in.",
		Attributes: map[string]schema.Attribute{
			"subnet_id": replacingReference(cloud.KindSubnet, "The subnet the gateway sits in: for a public gateway, a public subnet. Changing it replaces the gateway."),
			"allocation_id": optionalReplacing("The elastic IP of a public gateway (required there, refused for a private one). Changing it replaces the gateway.",
				idCheck(cloud.KindElasticIP)),
			"connectivity_type":    defaultedReplacing(cloud.ConnectivityPublic, "`public` (default) or `private`. Changing it replaces the gateway."),
			"association_id":       computedID("The ID of the elastic IP's association with the gateway, or an empty string."),
			"public_ip":            computedID("The gateway's public address, or an empty string for a private one."),
			"private_ip":           computedID("The gateway's address in its subnet: the first one AWS does not reserve and no other gateway holds."),
			"network_interface_id": computedID("The ID of the gateway's network interface."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[natGatewayModel]) (cloud.NATGateway, error) {
		in := a.plan.input(ctx, a.diags)
		in.Tags = a.tags
		return d.client.CreateNATGateway(ctx, in)
	},
	get:        (*cloud.Client).NATGateway,
	setTags:    (*cloud.Client).UpdateNATGateway,
	removeByID: (*cloud.Client).DeleteNATGateway,
	check: func(ctx context.Context, d *providerData, p planStep[natGatewayModel]) error {
		in := cloud.NATGatewayInput{
			SubnetID: plannedID(p.plan.SubnetID, cloud.KindSubnet), AllocationID: plannedID(p.plan.AllocationID, cloud.KindElasticIP),
			ConnectivityType: planned(p.plan.ConnectivityType), Tags: p.tags,
		}
		stateID, change := "", unchanged
		if state := p.state; state != nil {
			stateID = state.ID.ValueString()
			replacing := !p.plan.SubnetID.Equal(state.SubnetID) || !p.plan.AllocationID.Equal(state.AllocationID) || !p.plan.ConnectivityType.Equal(state.ConnectivityType)
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
		m.AllocationID = types.StringNull()
		if nat.AllocationID != "" {
			m.AllocationID = types.StringValue(nat.AllocationID)
		}
		m.AssociationID = types.StringValue(nat.AssociationID)
	},
	tagsOf: func(nat cloud.NATGateway) map[string]string { return nat.Tags },
}
